import sharp from "sharp"
import { decodeWithin, segmentRGB, WORK } from "./classic-features"
import { grabCutMask } from "./grabcut"

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
  const small = await decodeWithin(buf, WORK)
  const seg = segmentRGB(small.data, small.width, small.height)
  const mask = await grabCutMask(
    small.data,
    small.width,
    small.height,
    seg.mask
  )
  if (!mask) return null
  const big = await decodeWithin(buf, side)
  const out = Buffer.from(big.data)
  for (let y = 0; y < big.height; y++) {
    const sy = Math.min(
      small.height - 1,
      Math.floor((y * small.height) / big.height)
    )
    for (let x = 0; x < big.width; x++) {
      const sx = Math.min(
        small.width - 1,
        Math.floor((x * small.width) / big.width)
      )
      if (!mask[sy * small.width + sx]) {
        const o = 3 * (y * big.width + x)
        out[o] = out[o + 1] = out[o + 2] = 255
      }
    }
  }
  return sharp(out, {
    raw: { width: big.width, height: big.height, channels: 3 },
  })
    .png({ compressionLevel: 1 })
    .toBuffer()
}
