import sharp from "sharp"
import { segmentRGB, WORK } from "./classic-features"
import { grabCutMask } from "./grabcut"

/** The photo as sRGB pixels, upright, transparency on white, fitted inside side × side. */
async function decode(buf: Buffer, side: number) {
  const { data, info } = await sharp(buf, { failOn: "none" })
    .rotate()
    .flatten({ background: { r: 255, g: 255, b: 255 } })
    .resize(side, side, { fit: "inside", kernel: "linear" })
    .toColourspace("srgb")
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, w: info.width, h: info.height }
}

/**
 * The product of a shopper's photo on white, as a PNG fitted inside
 * side × side: cut out at WORK px by GrabCut seeded with the classic
 * segmentation (grabcut.ts), the mask then laid over the photo decoded at
 * `side`. For an embedder that reads whole pictures (CLIP): the catalogue's
 * photos are products on white. Null when the cut keeps (almost) nothing.
 */
export async function photoCutOut(
  buf: Buffer,
  side: number
): Promise<Buffer | null> {
  const small = await decode(buf, WORK)
  const seg = segmentRGB(small.data, small.w, small.h)
  const mask = await grabCutMask(small.data, small.w, small.h, seg.mask)
  if (!mask) return null
  const big = await decode(buf, side)
  const out = Buffer.from(big.data)
  for (let y = 0; y < big.h; y++) {
    const sy = Math.min(small.h - 1, Math.floor((y * small.h) / big.h))
    for (let x = 0; x < big.w; x++) {
      const sx = Math.min(small.w - 1, Math.floor((x * small.w) / big.w))
      if (!mask[sy * small.w + sx]) {
        const o = 3 * (y * big.w + x)
        out[o] = out[o + 1] = out[o + 2] = 255
      }
    }
  }
  return sharp(out, { raw: { width: big.w, height: big.h, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer()
}
