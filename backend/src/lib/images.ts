import sharp from "sharp"
import { frameOf } from "./visual-search/near-copy"

// The upload normaliser moved to ./uploads (one place for every upload path);
// re-exported here so existing imports keep working.
export { ImageInputError, MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, normalizeUpload, sniffImageType, type SniffedType } from "./uploads"
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from "./uploads"

/** Downloads an image with a size cap and a time limit (indexing product photos). */
export async function fetchImage(url: string, { maxBytes = MAX_UPLOAD_BYTES, timeoutMs = 10000 } = {}): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" })
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`)
  const declared = Number(res.headers.get("content-length") || 0)
  if (declared > maxBytes) throw new Error(`${url} is ${declared} bytes; the limit is ${maxBytes}`)
  const reader = res.body!.getReader()
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > maxBytes) {
      await reader.cancel()
      throw new Error(`${url} is larger than ${maxBytes} bytes`)
    }
    chunks.push(Buffer.from(value))
  }
  return Buffer.concat(chunks)
}

// ---------------------------------------------------------------------------
// Perceptual hash for near-duplicate detection. A 64-bit DCT hash of the
// luminance, computed for the photo and its mirror image: two photos are
// near-duplicates when either pairing is within a few bits. A coarse colour
// signature (mean Lab of a 4×4 grid) keeps re-coloured versions of the same
// design apart, which the luminance hash alone would merge.

const N = 32
const cosTable = (() => {
  const t = new Float64Array(8 * N)
  for (let u = 0; u < 8; u++) for (let x = 0; x < N; x++) t[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N))
  return t
})()

function dctHash(px: Float64Array, mirror: boolean): bigint {
  const coeffs: number[] = []
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let s = 0
      for (let y = 0; y < N; y++) {
        const cy = cosTable[u * N + y]
        for (let x = 0; x < N; x++) s += cy * cosTable[v * N + x] * px[y * N + (mirror ? N - 1 - x : x)]
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

export type ImageSignature = { phash: string; phashMirror: string; colour: number[]; frame?: string }

export async function imageSignature(buf: Buffer): Promise<ImageSignature> {
  const gray = await sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().flatten({ background: "#ffffff" }).greyscale().resize(N, N, { fit: "fill" }).raw().toBuffer()
  const px = Float64Array.from(gray)
  const rgb = await sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().flatten({ background: "#ffffff" }).removeAlpha().resize(4, 4, { fit: "fill" }).raw().toBuffer()
  const colour: number[] = []
  for (let i = 0; i < 16; i++) colour.push(...rgbToLab(rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]).map((v) => Math.round(v * 10) / 10))
  const hex = (h: bigint) => h.toString(16).padStart(16, "0")
  // the small picture near-copy detection registers against (see visual-search/near-copy.ts)
  return { phash: hex(dctHash(px, false)), phashMirror: hex(dctHash(px, true)), colour, frame: await frameOf(buf) }
}

const words = new Map<string, [number, number]>()
function hashWords(h: string): [number, number] {
  let w = words.get(h)
  if (!w) {
    w = [parseInt(h.slice(0, 8), 16) >>> 0, parseInt(h.slice(8, 16), 16) >>> 0]
    if (words.size > 200000) words.clear()
    words.set(h, w)
  }
  return w
}
function popcount32(x: number) {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** Bits that differ between two 64-bit hex hashes. */
export function hamming(a: string, b: string): number {
  const [a0, a1] = hashWords(a)
  const [b0, b1] = hashWords(b)
  return popcount32((a0 ^ b0) >>> 0) + popcount32((a1 ^ b1) >>> 0)
}

/** Smallest hash distance between two photos, allowing one of them to be mirrored. */
export function phashDistance(a: ImageSignature, b: ImageSignature): number {
  return Math.min(hamming(a.phash, b.phash), hamming(a.phash, b.phashMirror))
}

/** Mean ΔE (CIE76) over the 4×4 grid; mirrored pairing allowed like the hash. */
export function colourDistance(a: ImageSignature, b: ImageSignature): number {
  const d = (mirror: boolean) => {
    let s = 0
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) {
      const i = (y * 4 + x) * 3
      const j = (y * 4 + (mirror ? 3 - x : x)) * 3
      s += Math.hypot(a.colour[i] - b.colour[j], a.colour[i + 1] - b.colour[j + 1], a.colour[i + 2] - b.colour[j + 2])
    }
    return s / 16
  }
  return Math.min(d(false), d(true))
}

export function rgbToLab(r: number, g: number, b: number): [number, number, number] {
  const lin = (c: number) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4 }
  const R = lin(r), G = lin(g), B = lin(b)
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116)
  const x = f((R * 0.4124 + G * 0.3576 + B * 0.1805) / 0.95047)
  const y = f(R * 0.2126 + G * 0.7152 + B * 0.0722)
  const z = f((R * 0.0193 + G * 0.1192 + B * 0.9505) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}
