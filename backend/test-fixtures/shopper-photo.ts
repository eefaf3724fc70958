import sharp from "sharp"

/**
 * Turns a catalogue photo (product on a plain light background) into a
 * plausible "shopper photo": new background, small rotation, loose/partial
 * crop, colour cast, blur, downscale and JPEG recompression. Used by the
 * offline evaluation (queries) and for training augmentation.
 *
 * The product is separated from its background here with a deliberately
 * simple method of its own (RGB distance to the border colour + flood fill),
 * independent of the embedder's segmentation.
 */

/** Small, fast, seedable PRNG returning floats in [0, 1): the catalogue's own. */
export { prng as mulberry32 } from "../src/lib/catalog"

const uni = (rand: () => number, a: number, b: number) => a + (b - a) * rand()
const clamp255 = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v)

/** Alpha mask (0..255) of the product: everything not flood-filled from the border. */
export function productAlpha(px: Buffer, w: number, h: number): Uint8Array {
  // background colour = per-channel median of the 1-px border
  const rs: number[] = [],
    gs: number[] = [],
    bs: number[] = []
  const push = (x: number, y: number) => {
    const o = (y * w + x) * 3
    rs.push(px[o])
    gs.push(px[o + 1])
    bs.push(px[o + 2])
  }
  for (let x = 0; x < w; x++) {
    push(x, 0)
    push(x, h - 1)
  }
  for (let y = 1; y < h - 1; y++) {
    push(0, y)
    push(w - 1, y)
  }
  const med = (a: number[]) => a.sort((p, q) => p - q)[a.length >> 1]
  const br = med(rs),
    bg = med(gs),
    bb = med(bs)
  const tol = 12
  const near = new Uint8Array(w * h)
  for (let i = 0; i < w * h; i++) {
    const d = Math.max(
      Math.abs(px[i * 3] - br),
      Math.abs(px[i * 3 + 1] - bg),
      Math.abs(px[i * 3 + 2] - bb)
    )
    near[i] = d <= tol ? 1 : 0
  }
  const isBg = new Uint8Array(w * h)
  const stack: number[] = []
  const seed = (i: number) => {
    if (near[i] && !isBg[i]) {
      isBg[i] = 1
      stack.push(i)
    }
  }
  for (let x = 0; x < w; x++) {
    seed(x)
    seed((h - 1) * w + x)
  }
  for (let y = 0; y < h; y++) {
    seed(y * w)
    seed(y * w + w - 1)
  }
  while (stack.length) {
    const i = stack.pop()!
    const x = i % w,
      y = (i - x) / w
    if (x > 0) seed(i - 1)
    if (x < w - 1) seed(i + 1)
    if (y > 0) seed(i - w)
    if (y < h - 1) seed(i + w)
  }
  // a near-white garment on a white background leaks into the flood fill:
  // take back background pixels enclosed by product on all four sides
  const fgL = new Uint8Array(w * h),
    fgR = new Uint8Array(w * h),
    fgU = new Uint8Array(w * h),
    fgD = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    let s = 0
    for (let x = 0; x < w; x++) {
      fgL[y * w + x] = s
      if (!isBg[y * w + x]) s = 1
    }
    s = 0
    for (let x = w - 1; x >= 0; x--) {
      fgR[y * w + x] = s
      if (!isBg[y * w + x]) s = 1
    }
  }
  for (let x = 0; x < w; x++) {
    let s = 0
    for (let y = 0; y < h; y++) {
      fgU[y * w + x] = s
      if (!isBg[y * w + x]) s = 1
    }
    s = 0
    for (let y = h - 1; y >= 0; y--) {
      fgD[y * w + x] = s
      if (!isBg[y * w + x]) s = 1
    }
  }
  for (let i = 0; i < w * h; i++)
    if (isBg[i] && fgL[i] && fgR[i] && fgU[i] && fgD[i]) isBg[i] = 0
  // feather: 3x3 box blur of the binary mask
  const a = new Uint8Array(w * h)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0,
        n = 0
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx,
            yy = y + dy
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue
          s += isBg[yy * w + xx] ? 0 : 1
          n++
        }
      a[y * w + x] = Math.round((255 * s) / n)
    }
  return a
}

function randomColour(rand: () => number): [number, number, number] {
  return [
    Math.floor(rand() * 256),
    Math.floor(rand() * 256),
    Math.floor(rand() * 256),
  ]
}

/** Random solid / gradient / noisy background, RGB raw. */
function makeBackground(w: number, h: number, rand: () => number): Buffer {
  const out = Buffer.alloc(w * h * 3)
  const kind = rand()
  const c1 = randomColour(rand)
  if (kind < 0.34) {
    for (let i = 0; i < w * h; i++) {
      out[i * 3] = c1[0]
      out[i * 3 + 1] = c1[1]
      out[i * 3 + 2] = c1[2]
    }
  } else if (kind < 0.67) {
    const c2 = randomColour(rand)
    const ang = rand() * Math.PI * 2
    const ux = Math.cos(ang),
      uy = Math.sin(ang)
    const ext = Math.abs(ux) * w + Math.abs(uy) * h
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let t = ((x - w / 2) * ux + (y - h / 2) * uy) / ext + 0.5
        t = t < 0 ? 0 : t > 1 ? 1 : t
        const o = (y * w + x) * 3
        for (let c = 0; c < 3; c++)
          out[o + c] = Math.round(c1[c] * (1 - t) + c2[c] * t)
      }
  } else {
    // noisy: base colour + low-frequency blotches + per-pixel noise
    const amp = uni(rand, 8, 40)
    const blot = uni(rand, 0, 30)
    const fx = uni(rand, 0.01, 0.06),
      fy = uni(rand, 0.01, 0.06),
      ph = rand() * 6.28
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const low = blot * Math.sin(x * fx + ph) * Math.cos(y * fy - ph)
        const o = (y * w + x) * 3
        const n = (rand() + rand() + rand() - 1.5) * amp
        for (let c = 0; c < 3; c++)
          out[o + c] = clamp255(
            Math.round(c1[c] + low + n + (rand() - 0.5) * amp * 0.5)
          )
      }
  }
  return out
}

export async function shopperPhoto(
  jpeg: Buffer,
  rand: () => number
): Promise<Buffer> {
  const { data: px, info } = await sharp(jpeg)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const w = info.width,
    h = info.height
  const alpha = productAlpha(px, w, h)

  // product as RGBA on a padded transparent canvas, then rotated
  const pad = Math.round(0.3 * Math.max(w, h))
  const W = w + 2 * pad,
    H = h + 2 * pad
  const rgba = Buffer.alloc(W * H * 4)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const s = y * w + x,
        d = ((y + pad) * W + x + pad) * 4
      rgba[d] = px[s * 3]
      rgba[d + 1] = px[s * 3 + 1]
      rgba[d + 2] = px[s * 3 + 2]
      rgba[d + 3] = alpha[s]
    }
  const angle = uni(rand, -12, 12)
  const rot = await sharp(rgba, { raw: { width: W, height: H, channels: 4 } })
    .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const R = rot.data,
    RW = rot.info.width,
    RH = rot.info.height

  // object bounding box in the rotated canvas
  let x0 = RW,
    y0 = RH,
    x1 = -1,
    y1 = -1
  for (let y = 0; y < RH; y++)
    for (let x = 0; x < RW; x++) {
      if (R[(y * RW + x) * 4 + 3] > 128) {
        if (x < x0) x0 = x
        if (x > x1) x1 = x
        if (y < y0) y0 = y
        if (y > y1) y1 = y
      }
    }
  if (x1 < 0) {
    x0 = 0
    y0 = 0
    x1 = RW - 1
    y1 = RH - 1
  }
  const ow = x1 - x0 + 1,
    oh = y1 - y0 + 1

  // crop: keep kx*ky >= 0.75 of the object's box (cut on one random side per
  // axis, sometimes none), random margins of background elsewhere
  const kx = rand() < 0.5 ? 1 : uni(rand, 0.87, 1)
  const ky = rand() < 0.5 ? 1 : uni(rand, Math.min(1, 0.75 / kx), 1)
  const big = Math.max(ow, oh)
  const margin = () => (0.03 + 0.3 * rand()) * big
  let ml = margin(),
    mr = margin(),
    mt = margin(),
    mb = margin()
  if (kx < 1) {
    if (rand() < 0.5) ml = -(1 - kx) * ow
    else mr = -(1 - kx) * ow
  }
  if (ky < 1) {
    if (rand() < 0.5) mt = -(1 - ky) * oh
    else mb = -(1 - ky) * oh
  }
  const cx0 = Math.max(0, Math.round(x0 - ml)),
    cy0 = Math.max(0, Math.round(y0 - mt))
  const cx1 = Math.min(RW - 1, Math.round(x1 + mr)),
    cy1 = Math.min(RH - 1, Math.round(y1 + mb))
  const cw = Math.max(8, cx1 - cx0 + 1),
    ch = Math.max(8, cy1 - cy0 + 1)

  // composite over a new background, with a per-channel colour cast
  const bgPx = makeBackground(cw, ch, rand)
  const cast = [uni(rand, 0.9, 1.1), uni(rand, 0.9, 1.1), uni(rand, 0.9, 1.1)]
  const out = Buffer.alloc(cw * ch * 3)
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++) {
      const sxp = x + cx0,
        syp = y + cy0
      const d = (y * cw + x) * 3
      let a = 0,
        r = 0,
        g = 0,
        b = 0
      if (sxp < RW && syp < RH) {
        const s = (syp * RW + sxp) * 4
        a = R[s + 3] / 255
        r = R[s]
        g = R[s + 1]
        b = R[s + 2]
      }
      out[d] = clamp255(Math.round((a * r + (1 - a) * bgPx[d]) * cast[0]))
      out[d + 1] = clamp255(
        Math.round((a * g + (1 - a) * bgPx[d + 1]) * cast[1])
      )
      out[d + 2] = clamp255(
        Math.round((a * b + (1 - a) * bgPx[d + 2]) * cast[2])
      )
    }

  const sigma = uni(rand, 0, 1.2)
  const side = Math.round(uni(rand, 160, 320))
  const quality = Math.round(uni(rand, 55, 85))
  let img = sharp(out, { raw: { width: cw, height: ch, channels: 3 } })
  if (sigma >= 0.3) img = img.blur(sigma)
  const scale = side / Math.max(cw, ch)
  img = img.resize(
    Math.max(1, Math.round(cw * scale)),
    Math.max(1, Math.round(ch * scale))
  )
  return img.jpeg({ quality }).toBuffer()
}
