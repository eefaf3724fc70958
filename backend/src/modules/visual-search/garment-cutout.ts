import sharp from "sharp"
import { segmentRGB } from "./embedders/classic-features"

/** Side of the picture the garment is segmented at (the classic embedder works at 128). */
const WORK = 192

export type GarmentCutout = {
  /** JPEG of the garment alone on a plain background, cropped to it with a margin */
  cutout: Buffer
  /** sRGB of the garment's inner pixels (edge pixels blend with the background), a sample of at most 4096 */
  pixels: [number, number, number][]
  /** share of the picture the garment covers */
  coverage: number
}

/**
 * Separates the garment from its background with the classic embedder's
 * segmentation (a robust plane fit of the border's colour), and returns a
 * cut-out on a plain background plus the garment's own pixels, from which a
 * colour can be named without the background's.
 */
export async function garmentCutout(jpeg: Buffer, { background = "#f4f4f2" } = {}): Promise<GarmentCutout> {
  const full = await sharp(jpeg).rotate().flatten({ background: "#ffffff" }).removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true })
  const W = full.info.width, H = full.info.height
  const small = await sharp(full.data, { raw: { width: W, height: H, channels: 3 } })
    .resize(WORK, WORK, { fit: "inside", kernel: "linear" })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const w = small.info.width, h = small.info.height
  const seg = segmentRGB(small.data, w, h)
  const { mask } = seg
  const pixels: [number, number, number][] = []
  const inner: number[] = []
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x
    if (mask[i] && mask[i - 1] && mask[i + 1] && mask[i - w] && mask[i + w]) inner.push(i)
  }
  const use = inner.length >= 20 ? inner : [...mask.keys()].filter((i) => mask[i])
  const step = Math.max(1, Math.floor(use.length / 4096))
  for (let j = 0; j < use.length; j += step) {
    const i = use[j]
    pixels.push([small.data[i * 3], small.data[i * 3 + 1], small.data[i * 3 + 2]])
  }
  // the mask, softened at its edge and scaled to the photo, blends the photo into the plain background
  const alpha = Buffer.alloc(w * h)
  for (let i = 0; i < w * h; i++) alpha[i] = mask[i] ? 255 : 0
  const bigAlpha = await sharp(alpha, { raw: { width: w, height: h, channels: 1 } })
    .resize(W, H, { fit: "fill", kernel: "cubic" })
    .blur(1.2)
    .extractChannel(0)
    .raw()
    .toBuffer()
  const bg = hexRgb(background)
  const out = Buffer.alloc(W * H * 3)
  for (let i = 0; i < W * H; i++) {
    const a = bigAlpha[i] / 255
    for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.round(full.data[i * 3 + c] * a + bg[c] * (1 - a))
  }
  // crop to where the garment is: 1st–99th percentile of its columns and rows, so stray specks do not widen the box
  const xs: number[] = [], ys: number[] = []
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (mask[y * w + x]) { xs.push(x); ys.push(y) }
  xs.sort((p, q) => p - q)
  ys.sort((p, q) => p - q)
  const pct = (a: number[], p: number, d: number) => (a.length ? a[Math.min(a.length - 1, Math.floor(p * a.length))] : d)
  const sx = W / w, sy = H / h
  const margin = Math.round(Math.max(W, H) * 0.04)
  const left = Math.max(0, Math.floor(pct(xs, 0.01, 0) * sx) - margin), top = Math.max(0, Math.floor(pct(ys, 0.01, 0) * sy) - margin)
  const right = Math.min(W, Math.ceil((pct(xs, 0.99, w - 1) + 1) * sx) + margin), bottom = Math.min(H, Math.ceil((pct(ys, 0.99, h - 1) + 1) * sy) + margin)
  const cutout = await sharp(out, { raw: { width: W, height: H, channels: 3 } })
    .extract({ left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) })
    .jpeg({ quality: 88 })
    .toBuffer()
  return { cutout, pixels, coverage: seg.area / (w * h) }
}

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace("#", ""), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}
