import sharp from "sharp"
import { frameOf } from "../near-copy/frame"
import { MAX_IMAGE_PIXELS } from "./limits"

/**
 * What is stored of a photo for duplicate handling: a 64-bit DCT hash of the
 * luminance (`phash`, which also keys the near-copy decisions of an image:
 * a changed photo gets a new key) and the near-copy frame (near-copy/frame.ts)
 * that the near-copy decision compares.
 */
export type ImageSignature = { phash: string; frame: string }

const N = 32
const cosTable = (() => {
  const t = new Float64Array(8 * N)
  for (let u = 0; u < 8; u++)
    for (let x = 0; x < N; x++)
      t[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N))
  return t
})()

function dctHash(px: Float64Array): bigint {
  const coeffs: number[] = []
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let s = 0
      for (let y = 0; y < N; y++) {
        const cy = cosTable[u * N + y]
        for (let x = 0; x < N; x++)
          s += cy * cosTable[v * N + x] * px[y * N + x]
      }
      coeffs.push(s)
    }
  }
  const ac = coeffs.slice(1)
  const median = [...ac].sort((a, b) => a - b)[Math.floor(ac.length / 2)]
  let h = 0n
  for (let i = 0; i < 64; i++) h = (h << 1n) | (coeffs[i] > median ? 1n : 0n)
  return h
}

export async function imageSignature(buf: Buffer): Promise<ImageSignature> {
  const gray = await sharp(buf, { limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .flatten({ background: "#ffffff" })
    .greyscale()
    .resize(N, N, { fit: "fill" })
    .raw()
    .toBuffer()
  const phash = dctHash(Float64Array.from(gray)).toString(16).padStart(16, "0")
  return { phash, frame: await frameOf(buf) }
}
