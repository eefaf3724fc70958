import sharp from "sharp"
import { productAlpha } from "../../backend/test-fixtures/shopper-photo"

/**
 * Training augmentations for the classic embedder's heads: the kinds of
 * shopper photo the one-backdrop variants (shopper-photo.ts) never show —
 * a backdrop of several surfaces, the whole catalogue picture inside a border
 * (a screen, a print) and sheared, the product partly covered, light that
 * changes colour and level across the picture.
 *
 * Written for training only and on purpose unlike the evaluation's generators
 * (backend/test-fixtures/shopper-photos): other primitives (cells of a
 * jittered Voronoi mosaic instead of straight seams, ellipses and bands
 * instead of hands and straps, an affine shear instead of a perspective
 * warp, a smooth light field instead of named light sources), other ranges.
 * The heads learn what stays of a product under such changes; the evaluation
 * then measures photos the heads have not seen the like of exactly.
 */
export type Rand = () => number
type RGB = [number, number, number]

const uni = (r: Rand, a: number, b: number) => a + (b - a) * r()
const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v))
const colour = (r: Rand): RGB => [
  Math.floor(r() * 256),
  Math.floor(r() * 256),
  Math.floor(r() * 256),
]

interface Rgba {
  data: Buffer
  width: number
  height: number
}

/** A surface of 1–5 cells, each its own colour and texture, edges wavy. */
function mosaic(w: number, h: number, r: Rand, cells: number): Buffer {
  const seeds = Array.from({ length: cells }, () => ({
    x: r() * w,
    y: r() * h,
    c: colour(r),
    c2: colour(r),
    kind: Math.floor(r() * 4),
    f: uni(r, 0.05, 0.4),
    a: r() * Math.PI,
    amp: uni(r, 6, 35),
  }))
  const wob = uni(r, 0, 12),
    wf = uni(r, 0.02, 0.08)
  const out = Buffer.alloc(w * h * 3)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const jx = x + wob * Math.sin(y * wf),
        jy = y + wob * Math.cos(x * wf)
      let best = 0,
        bd = Infinity
      seeds.forEach((s, i) => {
        const d = (jx - s.x) ** 2 + (jy - s.y) ** 2
        if (d < bd) {
          bd = d
          best = i
        }
      })
      const s = seeds[best]
      const u = x * Math.cos(s.a) + y * Math.sin(s.a)
      let t = 0
      if (s.kind === 1)
        t = 0.5 + 0.5 * Math.sin(u * s.f) // grain / stripes
      else if (s.kind === 2)
        t = u / (w + h) + 0.5 // gradient
      else if (s.kind === 3)
        t = (Math.floor(x * s.f * 0.3) + Math.floor(y * s.f * 0.3)) & 1 // tiles
      const n = (r() - 0.5) * s.amp
      const o = (y * w + x) * 3
      for (let c = 0; c < 3; c++)
        out[o + c] = clamp(
          s.c[c] * (1 - t) + s.c2[c] * t * 0.6 + s.c[c] * t * 0.4 + n
        )
    }
  return out
}

/** The catalogue photo's product as RGBA (the fixture's own simple cut-out). */
async function cutOut(jpeg: Buffer): Promise<Rgba> {
  const { data, info } = await sharp(jpeg)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const a = productAlpha(data, info.width, info.height)
  const out = Buffer.alloc(info.width * info.height * 4)
  for (let i = 0; i < info.width * info.height; i++) {
    out[i * 4] = data[i * 3]
    out[i * 4 + 1] = data[i * 3 + 1]
    out[i * 4 + 2] = data[i * 3 + 2]
    out[i * 4 + 3] = a[i]
  }
  return { data: out, width: info.width, height: info.height }
}

/** The whole catalogue photo (backdrop included) in a border, opaque. */
async function picture(jpeg: Buffer, r: Rand): Promise<Rgba> {
  const kind = r()
  const border: RGB =
    kind < 0.4
      ? [
          Math.floor(uni(r, 0, 45)),
          Math.floor(uni(r, 0, 45)),
          Math.floor(uni(r, 0, 50)),
        ]
      : kind < 0.75
        ? [
            Math.floor(uni(r, 215, 255)),
            Math.floor(uni(r, 215, 255)),
            Math.floor(uni(r, 205, 255)),
          ]
        : colour(r)
  const { data, info } = await sharp(jpeg)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const b = Math.round(uni(r, 0, 0.14) * info.width)
  const W = info.width + 2 * b,
    H = info.height + 2 * b
  const out = Buffer.alloc(W * H * 4)
  // a screen's cast and a glare blob on the picture itself
  const cast = [uni(r, 0.85, 1.1), uni(r, 0.85, 1.1), uni(r, 0.85, 1.15)]
  const gx = r() * info.width,
    gy = r() * info.height,
    gr = uni(r, 0.1, 0.35) * info.width,
    ga = r() < 0.5 ? uni(r, 0.2, 0.6) : 0
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4
      const sx = x - b,
        sy = y - b
      out[o + 3] = 255
      if (sx < 0 || sy < 0 || sx >= info.width || sy >= info.height) {
        out[o] = border[0]
        out[o + 1] = border[1]
        out[o + 2] = border[2]
        continue
      }
      const s = (sy * info.width + sx) * 3
      const g = ga * Math.exp(-((sx - gx) ** 2 + (sy - gy) ** 2) / (gr * gr))
      for (let c = 0; c < 3; c++)
        out[o + c] = clamp(data[s + c] * cast[c] * (1 - g) + 255 * g)
    }
  return { data: out, width: W, height: H }
}

/** Rotation and shear (sharp's affine), transparent outside. */
async function tilt(
  img: Rgba,
  r: Rand,
  maxDeg: number,
  maxShear: number
): Promise<Rgba> {
  const t = (uni(r, -maxDeg, maxDeg) * Math.PI) / 180
  const sh = uni(r, -maxShear, maxShear),
    sv = uni(r, -maxShear, maxShear) * 0.5
  const m: [number, number, number, number] = [
    Math.cos(t),
    -Math.sin(t) + sh,
    Math.sin(t) + sv,
    Math.cos(t),
  ]
  const { data, info } = await sharp(img.data, {
    raw: { width: img.width, height: img.height, channels: 4 },
  })
    .affine(
      [
        [m[0], m[1]],
        [m[2], m[3]],
      ],
      { background: { r: 0, g: 0, b: 0, alpha: 0 } }
    )
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

async function resized(img: Rgba, side: number): Promise<Rgba> {
  const s = side / Math.max(img.width, img.height)
  const width = Math.max(4, Math.round(img.width * s)),
    height = Math.max(4, Math.round(img.height * s))
  const data = await sharp(img.data, {
    raw: { width: img.width, height: img.height, channels: 4 },
  })
    .resize(width, height, { fit: "fill" })
    .raw()
    .toBuffer()
  return { data, width, height }
}

function over(
  canvas: Buffer,
  W: number,
  H: number,
  img: Rgba,
  ox: number,
  oy: number
) {
  for (let y = 0; y < img.height; y++) {
    const cy = y + oy
    if (cy < 0 || cy >= H) continue
    for (let x = 0; x < img.width; x++) {
      const cx = x + ox
      if (cx < 0 || cx >= W) continue
      const s = (y * img.width + x) * 4,
        a = img.data[s + 3] / 255
      if (a === 0) continue
      const d = (cy * W + cx) * 3
      for (let c = 0; c < 3; c++)
        canvas[d + c] = clamp(img.data[s + c] * a + canvas[d + c] * (1 - a))
    }
  }
}

const SKIN: RGB[] = [
  [241, 194, 167],
  [224, 172, 130],
  [198, 134, 96],
  [141, 85, 54],
  [92, 56, 38],
]

/** Soft ellipses and bands over the product's box. */
function cover(
  canvas: Buffer,
  W: number,
  H: number,
  box: [number, number, number, number],
  r: Rand
) {
  const [bx, by, bw, bh] = box
  const n = 1 + Math.floor(r() * 2)
  for (let k = 0; k < n; k++) {
    const c: RGB = r() < 0.5 ? SKIN[Math.floor(r() * SKIN.length)] : colour(r)
    if (r() < 0.6) {
      // an ellipse centred near an edge of the product
      const side = Math.floor(r() * 4)
      const cx = side === 0 ? bx : side === 1 ? bx + bw : bx + r() * bw
      const cy = side === 2 ? by : side === 3 ? by + bh : by + r() * bh
      const rx = uni(r, 0.12, 0.3) * bw,
        ry = uni(r, 0.12, 0.3) * bh,
        a = r() * Math.PI
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const dx = x - cx,
            dy = y - cy
          const u = (dx * Math.cos(a) + dy * Math.sin(a)) / rx,
            v = (-dx * Math.sin(a) + dy * Math.cos(a)) / ry
          const d = u * u + v * v
          if (d > 1.2) continue
          const al = d < 0.8 ? 1 : (1.2 - d) / 0.4
          const o = (y * W + x) * 3
          const shade = 0.85 + 0.15 * (1 - d)
          for (let ch = 0; ch < 3; ch++)
            canvas[o + ch] = clamp(
              c[ch] * shade * al + canvas[o + ch] * (1 - al)
            )
        }
    } else {
      // a band through the product
      const a = r() * Math.PI,
        half = uni(r, 0.03, 0.07) * Math.max(W, H)
      const px = bx + uni(r, 0.2, 0.8) * bw,
        py = by + uni(r, 0.2, 0.8) * bh
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const d = Math.abs((x - px) * Math.sin(a) - (y - py) * Math.cos(a))
          if (d > half) continue
          const o = (y * W + x) * 3
          const shade = 0.8 + 0.2 * Math.cos((d / half) * 1.5)
          for (let ch = 0; ch < 3; ch++) canvas[o + ch] = clamp(c[ch] * shade)
        }
    }
  }
}

/** Light that changes across the picture: gain and gamma, a colour shift, a smooth field of light and shade. */
function relight(canvas: Buffer, W: number, H: number, r: Rand) {
  const gain = Math.exp(uni(r, -0.7, 0.45)),
    gamma = Math.exp(uni(r, -0.35, 0.35))
  const tint = [uni(r, 0.7, 1.25), uni(r, 0.8, 1.15), uni(r, 0.7, 1.3)]
  const ax = uni(r, -0.6, 0.6),
    ay = uni(r, -0.6, 0.6)
  const blob = r() < 0.5
  const sx = r() * W,
    sy = r() * H,
    sr = uni(r, 0.2, 0.5) * Math.max(W, H),
    sd = uni(r, 0.3, 0.6)
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let f = 1 + ax * (x / W - 0.5) + ay * (y / H - 0.5)
      if (blob)
        f *= 1 - sd * Math.exp(-((x - sx) ** 2 + (y - sy) ** 2) / (sr * sr))
      const o = (y * W + x) * 3
      for (let c = 0; c < 3; c++)
        canvas[o + c] = clamp(
          255 *
            Math.pow(
              (canvas[o + c] / 255) * gain * tint[c] * Math.max(0.05, f),
              gamma
            )
        )
    }
}

/**
 * One hard variant of a catalogue photo. `other` is another catalogue photo
 * (a second garment that may lie over the first). Pure function of its inputs.
 */
export async function hardPhoto(
  jpeg: Buffer,
  r: Rand,
  other: Buffer
): Promise<Buffer> {
  const W = Math.round(uni(r, 200, 300)),
    H = Math.round(W * uni(r, 0.8, 1.35))
  const mode = r()
  const cells = mode < 0.7 ? 2 + Math.floor(r() * 4) : 1
  const canvas = mosaic(W, H, r, cells)
  let item: Rgba
  if (mode < 0.35) item = await picture(jpeg, r)
  else item = await cutOut(jpeg)
  item = await tilt(item, r, 20, mode < 0.35 ? 0.2 : 0.08)
  item = await resized(item, Math.round(Math.min(W, H) * uni(r, 0.5, 0.98)))
  const ox = Math.round(uni(r, -0.08, 1.08) * (W - item.width)),
    oy = Math.round(uni(r, -0.08, 1.08) * (H - item.height))
  over(canvas, W, H, item, ox, oy)
  const box: [number, number, number, number] = [
    ox,
    oy,
    item.width,
    item.height,
  ]
  if (r() < 0.35) {
    if (r() < 0.4) {
      // another garment over a side of this one
      let o2 = await cutOut(other)
      o2 = await resized(
        o2,
        Math.round(Math.max(item.width, item.height) * uni(r, 0.5, 0.9))
      )
      const dx = (r() < 0.5 ? -1 : 1) * uni(r, 0.55, 0.85) * item.width
      const dy = uni(r, -0.3, 0.3) * item.height
      over(canvas, W, H, o2, Math.round(ox + dx), Math.round(oy + dy))
    } else cover(canvas, W, H, box, r)
  }
  if (r() < 0.45) relight(canvas, W, H, r)
  let img = sharp(canvas, { raw: { width: W, height: H, channels: 3 } })
  const sigma = uni(r, 0, 1.4)
  if (sigma >= 0.3) img = img.blur(sigma)
  return img.jpeg({ quality: Math.round(uni(r, 50, 85)) }).toBuffer()
}
