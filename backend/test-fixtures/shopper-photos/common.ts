import sharp from "sharp"
import { productAlpha } from "../shopper-photo"

/**
 * Building blocks of the shopper-photo generators. Every generator is a pure
 * function of (catalogue photo, seeded PRNG): the same seed gives the same bytes.
 * Written without reference to the embedder's segmentation, so the evaluation
 * cannot be fitted by reading one from the other.
 */
export type Rand = () => number
export type RGB = [number, number, number]
export interface Raw {
  data: Buffer
  width: number
  height: number
  channels: 3 | 4
}
/** A box in pixels of the canvas: where the product ended up. */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export const uni = (rand: Rand, a: number, b: number) => a + (b - a) * rand()
export const clamp255 = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v)
export const pick = <T>(rand: Rand, xs: T[]) =>
  xs[Math.floor(rand() * xs.length)]

export function randomColour(rand: Rand): RGB {
  return [
    Math.floor(rand() * 256),
    Math.floor(rand() * 256),
    Math.floor(rand() * 256),
  ]
}

/** The catalogue photo decoded as RGB. */
export async function decode(jpeg: Buffer): Promise<Raw> {
  const { data, info } = await sharp(jpeg)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: 3 }
}

/** The product of a catalogue photo as RGBA, trimmed to its alpha's bounding box. */
export async function cutout(jpeg: Buffer): Promise<Raw> {
  const src = await decode(jpeg)
  const { width: w, height: h } = src
  const alpha = productAlpha(src.data, w, h)
  let x0 = w,
    y0 = h,
    x1 = -1,
    y1 = -1
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (alpha[y * w + x] > 128) {
        if (x < x0) x0 = x
        if (x > x1) x1 = x
        if (y < y0) y0 = y
        if (y > y1) y1 = y
      }
  if (x1 < 0) [x0, y0, x1, y1] = [0, 0, w - 1, h - 1]
  const cw = x1 - x0 + 1,
    ch = y1 - y0 + 1
  const out = Buffer.alloc(cw * ch * 4)
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++) {
      const s = (y + y0) * w + x + x0,
        d = (y * cw + x) * 4
      out[d] = src.data[s * 3]
      out[d + 1] = src.data[s * 3 + 1]
      out[d + 2] = src.data[s * 3 + 2]
      out[d + 3] = alpha[s]
    }
  return { data: out, width: cw, height: ch, channels: 4 }
}

/** Resized and rotated (transparent corners) RGBA through sharp. */
export async function transform(
  img: Raw,
  { width, angle = 0 }: { width: number; angle?: number }
): Promise<Raw> {
  const { data, info } = await sharp(img.data, {
    raw: { width: img.width, height: img.height, channels: img.channels },
  })
    .ensureAlpha()
    .resize(Math.max(1, Math.round(width)))
    .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: 4 }
}

/** Alpha-blends RGBA `top` onto RGB `base` in place at (left, top); returns the covered box. */
export function paste(base: Raw, top: Raw, left: number, topY: number): Box {
  const l = Math.round(left),
    t = Math.round(topY)
  for (let y = 0; y < top.height; y++) {
    const by = y + t
    if (by < 0 || by >= base.height) continue
    for (let x = 0; x < top.width; x++) {
      const bx = x + l
      if (bx < 0 || bx >= base.width) continue
      const s = (y * top.width + x) * 4
      const a = top.data[s + 3] / 255
      if (a === 0) continue
      const d = (by * base.width + bx) * 3
      for (let c = 0; c < 3; c++)
        base.data[d + c] = Math.round(
          a * top.data[s + c] + (1 - a) * base.data[d + c]
        )
    }
  }
  return { x: l, y: t, w: top.width, h: top.height }
}

export function blank(width: number, height: number): Raw {
  return { data: Buffer.alloc(width * height * 3), width, height, channels: 3 }
}

/**
 * One surface's texture: flat, a gradient, stripes (fabric, planks),
 * checks (tiles, a blanket) or blotchy noise (a carpet, concrete).
 */
export function texture(rand: Rand): (x: number, y: number) => RGB {
  const c1 = randomColour(rand)
  const c2: RGB = rand() < 0.5 ? randomColour(rand) : shade(c1, rand)
  const kind = rand()
  if (kind < 0.2) return () => c1
  if (kind < 0.45) {
    const ang = rand() * Math.PI * 2
    const ux = Math.cos(ang),
      uy = Math.sin(ang)
    const len = uni(rand, 150, 600)
    return (x, y) => mix(c1, c2, clamp01(0.5 + (x * ux + y * uy) / len))
  }
  if (kind < 0.65) {
    const ang = rand() * Math.PI
    const ux = Math.cos(ang),
      uy = Math.sin(ang)
    const period = uni(rand, 6, 40),
      duty = uni(rand, 0.2, 0.7)
    return (x, y) => {
      const t = ((((x * ux + y * uy) / period) % 1) + 1) % 1
      return t < duty ? c1 : c2
    }
  }
  if (kind < 0.8) {
    const s = uni(rand, 10, 50)
    return (x, y) => ((Math.floor(x / s) + Math.floor(y / s)) % 2 ? c1 : c2)
  }
  const amp = uni(rand, 10, 45)
  const fx = uni(rand, 0.02, 0.15),
    fy = uni(rand, 0.02, 0.15),
    ph = rand() * 6.28
  let state = Math.floor(rand() * 2 ** 31)
  const noise = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff - 0.5
  }
  return (x, y) => {
    const low = Math.sin(x * fx + ph) * Math.cos(y * fy - ph) * amp
    const n = noise() * amp
    return [c1[0] + low + n, c1[1] + low + n, c1[2] + low + n]
  }
}

/**
 * One plain backdrop (no seams, no pattern): a flat colour, a gradient between
 * two colours, or a fine mottled noise — what the occlusion and lighting
 * generators put behind the product, so that they measure only their effect.
 */
export function plainBackdrop(rand: Rand): (x: number, y: number) => RGB {
  const c1 = randomColour(rand)
  const kind = rand()
  if (kind < 0.4) return () => c1
  if (kind < 0.75) {
    const c2 = randomColour(rand)
    const ang = rand() * Math.PI * 2
    const ux = Math.cos(ang),
      uy = Math.sin(ang)
    const len = uni(rand, 300, 700)
    return (x, y) => mix(c1, c2, clamp01(0.5 + (x * ux + y * uy) / len))
  }
  const amp = uni(rand, 6, 25)
  let state = Math.floor(rand() * 2 ** 31)
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    const n = (state / 0x7fffffff - 0.5) * amp
    return [c1[0] + n, c1[1] + n, c1[2] + n]
  }
}

function shade(c: RGB, rand: Rand): RGB {
  const f = uni(rand, 0.5, 1.5)
  return [clamp255(c[0] * f), clamp255(c[1] * f), clamp255(c[2] * f)]
}
const clamp01 = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t)
export const mix = (a: RGB, b: RGB, t: number): RGB => [
  a[0] * (1 - t) + b[0] * t,
  a[1] * (1 - t) + b[1] * t,
  a[2] * (1 - t) + b[2] * t,
]

/** Fills `img` (RGB) with a texture wherever `where(x, y)` holds (all of it by default). */
export function paint(
  img: Raw,
  tex: (x: number, y: number) => RGB,
  where: (x: number, y: number) => boolean = () => true
) {
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      if (!where(x, y)) continue
      const c = tex(x, y)
      const o = (y * img.width + x) * 3
      img.data[o] = clamp255(Math.round(c[0]))
      img.data[o + 1] = clamp255(Math.round(c[1]))
      img.data[o + 2] = clamp255(Math.round(c[2]))
    }
}

/**
 * A scene of two to four surfaces (a wall and a floor, a bed and a door, a
 * table and a rug…): straight seams at random angles split the canvas and
 * every piece gets its own texture.
 */
export function multiRegionBackground(
  width: number,
  height: number,
  rand: Rand,
  seams = 1 + Math.floor(rand() * 3)
): Raw {
  const img = blank(width, height)
  const lines = Array.from({ length: seams }, () => {
    const ang = rand() * Math.PI
    const nx = Math.cos(ang),
      ny = Math.sin(ang)
    // through a point in the middle 80% of the canvas
    const px = uni(rand, 0.1, 0.9) * width,
      py = uni(rand, 0.1, 0.9) * height
    return { nx, ny, d: px * nx + py * ny }
  })
  const textures = Array.from({ length: 1 << seams }, () => texture(rand))
  const region = (x: number, y: number) =>
    lines.reduce((k, l, i) => k | ((x * l.nx + y * l.ny > l.d ? 1 : 0) << i), 0)
  paint(img, (x, y) => textures[region(x, y)](x, y))
  return img
}

/** Blur, downscale to a phone-upload size and JPEG-compress, as a shopper's upload. */
export async function finish(img: Raw, rand: Rand): Promise<Buffer> {
  const sigma = uni(rand, 0, 1.2)
  const side = Math.round(uni(rand, 160, 320))
  const quality = Math.round(uni(rand, 55, 85))
  let s = sharp(img.data, {
    raw: { width: img.width, height: img.height, channels: img.channels },
  })
  if (sigma >= 0.3) s = s.blur(sigma)
  const scale = side / Math.max(img.width, img.height)
  s = s.resize(
    Math.max(1, Math.round(img.width * scale)),
    Math.max(1, Math.round(img.height * scale))
  )
  return s.removeAlpha().jpeg({ quality }).toBuffer()
}

/** Multiplies every channel by a per-channel colour cast. */
export function cast(img: Raw, k: [number, number, number]) {
  const n = img.width * img.height
  for (let i = 0; i < n; i++)
    for (let c = 0; c < 3; c++) {
      const o = i * img.channels + c
      img.data[o] = clamp255(Math.round(img.data[o] * k[c]))
    }
}

/** Composites an SVG (drawn at the canvas's size) onto an RGB canvas with sharp. */
export async function overlaySvg(
  img: Raw,
  svg: string,
  blend: "over" | "multiply" | "screen" = "over"
): Promise<Raw> {
  const { data, info } = await sharp(img.data, {
    raw: { width: img.width, height: img.height, channels: img.channels },
  })
    .composite([{ input: Buffer.from(svg), blend }])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: 3 }
}

/**
 * Places a product cutout on `bg` at a random size (45–80% of the canvas's
 * shorter side) and position, tilted by up to ±`tilt` degrees, sometimes
 * cut by the frame's edge; returns the product's box.
 */
export async function placeProduct(
  bg: Raw,
  product: Raw,
  rand: Rand,
  tilt = 12
): Promise<Box> {
  const target = uni(rand, 0.45, 0.8) * Math.min(bg.width, bg.height)
  const scale = target / Math.max(product.width, product.height)
  const t = await transform(product, {
    width: product.width * scale,
    angle: uni(rand, -tilt, tilt),
  })
  const slackX = bg.width - t.width,
    slackY = bg.height - t.height
  // mostly inside, sometimes up to 12% over an edge
  const left = uni(rand, -0.12 * t.width, slackX + 0.12 * t.width)
  const top = uni(rand, -0.12 * t.height, slackY + 0.12 * t.height)
  return paste(bg, t, left, top)
}
