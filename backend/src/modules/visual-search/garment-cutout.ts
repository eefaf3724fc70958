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
  // the mask, softened at its edge and scaled to the photo, becomes the alpha channel
  const alpha = Buffer.alloc(w * h)
  for (let i = 0; i < w * h; i++) alpha[i] = mask[i] ? 255 : 0
  const bigAlpha = await sharp(alpha, { raw: { width: w, height: h, channels: 1 } }).resize(W, H, { fit: "fill", kernel: "cubic" }).blur(1.2).raw().toBuffer()
  const sx = W / w, sy = H / h
  const margin = Math.round(Math.max(W, H) * 0.04)
  const left = Math.max(0, Math.floor(seg.x0 * sx) - margin), top = Math.max(0, Math.floor(seg.y0 * sy) - margin)
  const right = Math.min(W, Math.ceil((seg.x1 + 1) * sx) + margin), bottom = Math.min(H, Math.ceil((seg.y1 + 1) * sy) + margin)
  const cutout = await sharp(full.data, { raw: { width: W, height: H, channels: 3 } })
    .joinChannel(bigAlpha, { raw: { width: W, height: H, channels: 1 } })
    .extract({ left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) })
    .flatten({ background })
    .jpeg({ quality: 88 })
    .toBuffer()
  return { cutout, pixels, coverage: seg.area / (w * h) }
}
