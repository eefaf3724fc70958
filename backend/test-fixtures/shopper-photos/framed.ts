import {
  Raw,
  Rand,
  blank,
  cutout,
  decode,
  finish,
  multiRegionBackground,
  overlaySvg,
  paint,
  paste,
  pick,
  randomColour,
  texture,
  transform,
  uni,
  clamp255,
} from "./common"

/**
 * (c) A framed or on-screen photo: the catalogue picture (whole, or the
 * product on a new plain backdrop) shown on a phone or monitor with a dark
 * bezel, or printed on a page with a white margin and lines of text; the
 * device/page is photographed at an angle (a perspective warp of its four
 * corners by up to 14%) over a desk or room, with a glare spot and the bluish
 * or warm cast of a screen.
 */
export async function framedPhoto(jpeg: Buffer, rand: Rand): Promise<Buffer> {
  // the picture on the screen / page
  let picture: Raw
  if (rand() < 0.6) picture = await decode(jpeg)
  else {
    const cut = await cutout(jpeg)
    const side = Math.max(cut.width, cut.height)
    picture = blank(
      Math.round(side * uni(rand, 1.1, 1.3)),
      Math.round(side * uni(rand, 1.1, 1.4))
    )
    paint(picture, texture(rand))
    paste(
      picture,
      cut,
      (picture.width - cut.width) / 2,
      (picture.height - cut.height) / 2
    )
  }
  const screen = rand() < 0.65
  const pw = 240
  const p = await transform(picture, { width: pw })
  const border = Math.round(
    pw * (screen ? uni(rand, 0.04, 0.12) : uni(rand, 0.08, 0.2))
  )
  const extraBottom = screen
    ? Math.round(pw * uni(rand, 0, 0.15))
    : Math.round(pw * uni(rand, 0.1, 0.35))
  const dev = blank(p.width + 2 * border, p.height + 2 * border + extraBottom)
  const g = screen
    ? Math.floor(uni(rand, 5, 70))
    : Math.floor(uni(rand, 225, 252))
  paint(dev, () =>
    screen && rand() < 0.3
      ? (randomColour(rand).map((v) => v * 0.3 + g * 0.7) as [
          number,
          number,
          number,
        ])
      : [g, g, g]
  )
  paste(dev, p, border, border)
  let device = dev
  if (!screen) {
    // lines of "text" under the picture
    const lines = Array.from({ length: 6 }, (_, i) => {
      const y = border + p.height + 8 + i * 9
      const w = uni(rand, 0.4, 1) * p.width
      return y + 4 < dev.height
        ? `<rect x="${border}" y="${y}" width="${w.toFixed(0)}" height="4" fill="rgb(60,60,60)"/>`
        : ""
    }).join("")
    device = await overlaySvg(
      dev,
      `<svg width="${dev.width}" height="${dev.height}">${lines}</svg>`
    )
  }
  // the scene around it
  const W = Math.round(device.width * uni(rand, 1.15, 1.5))
  const H = Math.round(device.height * uni(rand, 1.1, 1.4))
  const scene = multiRegionBackground(W, H, rand, Math.floor(rand() * 3))
  // perspective: where the device's four corners land in the scene
  const ox = (W - device.width) / 2,
    oy = (H - device.height) / 2
  const j = () => uni(rand, -0.14, 0.14)
  const dw = device.width,
    dh = device.height
  const dst: [number, number][] = [
    [ox + j() * dw, oy + j() * dh],
    [ox + dw + j() * dw, oy + j() * dh],
    [ox + dw + j() * dw, oy + dh + j() * dh],
    [ox + j() * dw, oy + dh + j() * dh],
  ]
  warpInto(scene, device, dst)
  // glare: a soft white ellipse, screened on
  const gx = uni(rand, 0.2, 0.8) * W,
    gy = uni(rand, 0.2, 0.8) * H
  const grx = uni(rand, 0.1, 0.35) * W,
    gry = uni(rand, 0.05, 0.2) * H
  const strength = uni(rand, 0.35, 0.8)
  const out = await overlaySvg(
    scene,
    `<svg width="${W}" height="${H}"><defs><radialGradient id="g"><stop offset="0" stop-color="white" stop-opacity="${strength.toFixed(2)}"/><stop offset="1" stop-color="white" stop-opacity="0"/></radialGradient></defs><ellipse cx="${gx.toFixed(0)}" cy="${gy.toFixed(0)}" rx="${grx.toFixed(0)}" ry="${gry.toFixed(0)}" fill="url(#g)" transform="rotate(${uni(rand, -40, 40).toFixed(0)} ${gx.toFixed(0)} ${gy.toFixed(0)})"/></svg>`,
    "screen"
  )
  const tint = pick(rand, [
    [0.92, 0.98, 1.12],
    [1.08, 1.0, 0.88],
    [1, 1, 1],
  ]) as [number, number, number]
  for (let i = 0; i < W * H; i++)
    for (let c = 0; c < 3; c++)
      out.data[i * 3 + c] = clamp255(Math.round(out.data[i * 3 + c] * tint[c]))
  return finish(out, rand)
}

/** Draws `src` into `dst` so that its corners land on `quad` (a projective warp, bilinear). */
function warpInto(dst: Raw, src: Raw, quad: [number, number][]) {
  const h = homography(
    [
      [0, 0],
      [src.width, 0],
      [src.width, src.height],
      [0, src.height],
    ],
    quad
  )
  const inv = invert3(h)
  const xs = quad.map((q) => q[0]),
    ys = quad.map((q) => q[1])
  const x0 = Math.max(0, Math.floor(Math.min(...xs))),
    x1 = Math.min(dst.width - 1, Math.ceil(Math.max(...xs)))
  const y0 = Math.max(0, Math.floor(Math.min(...ys))),
    y1 = Math.min(dst.height - 1, Math.ceil(Math.max(...ys)))
  const sc = src.channels
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const w = inv[6] * x + inv[7] * y + inv[8]
      const u = (inv[0] * x + inv[1] * y + inv[2]) / w
      const v = (inv[3] * x + inv[4] * y + inv[5]) / w
      if (u < 0 || v < 0 || u > src.width - 1 || v > src.height - 1) continue
      const iu = Math.floor(u),
        iv = Math.floor(v)
      const fu = u - iu,
        fv = v - iv
      const iu1 = Math.min(iu + 1, src.width - 1),
        iv1 = Math.min(iv + 1, src.height - 1)
      const d = (y * dst.width + x) * 3
      for (let c = 0; c < 3; c++) {
        const a = src.data[(iv * src.width + iu) * sc + c],
          b = src.data[(iv * src.width + iu1) * sc + c],
          cc = src.data[(iv1 * src.width + iu) * sc + c],
          dd = src.data[(iv1 * src.width + iu1) * sc + c]
        dst.data[d + c] = Math.round(
          (a * (1 - fu) + b * fu) * (1 - fv) + (cc * (1 - fu) + dd * fu) * fv
        )
      }
    }
}

/** 3×3 homography (row-major, h[8] = 1) taking the four `from` points onto `to`. */
function homography(from: [number, number][], to: [number, number][]) {
  const A: number[][] = []
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i],
      [u, v] = to[i]
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v])
  }
  // Gaussian elimination with partial pivoting on the 8×9 system
  for (let c = 0; c < 8; c++) {
    let p = c
    for (let r = c + 1; r < 8; r++)
      if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r
    ;[A[c], A[p]] = [A[p], A[c]]
    for (let r = 0; r < 8; r++) {
      if (r === c) continue
      const f = A[r][c] / A[c][c]
      for (let k = c; k < 9; k++) A[r][k] -= f * A[c][k]
    }
  }
  return [...A.map((row, i) => row[8] / row[i]), 1]
}

function invert3(m: number[]) {
  const [a, b, c, d, e, f, g, h, i] = m
  const A = e * i - f * h,
    B = -(d * i - f * g),
    C = d * h - e * g
  const det = a * A + b * B + c * C
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ]
}
