import sharp from "sharp"
import { frameOf } from "./visual-search/near-copy"

/**
 * Everything an uploaded photo goes through before any model sees it. The
 * client's MIME type is never trusted: the bytes decide. Errors carry an HTTP
 * status (413/415/400) so routes answer with a clear 4xx, never a 500.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** 40 megapixels: a real phone photo is ≤ 50 MP; a decompression bomb is far more. */
export const MAX_INPUT_PIXELS = 40_000_000

export type SniffedType = "jpeg" | "png" | "webp"

/**
 * Shaped like an `http-errors` error (status = statusCode, expose) so Medusa's
 * error handler answers with its own status (413, 415) instead of 400/500.
 */
export class ImageInputError extends Error {
  readonly statusCode: number
  readonly expose = true
  constructor(public readonly status: 400 | 413 | 415, message: string) {
    super(message)
    this.statusCode = status
    this.name = "ImageInputError"
  }
}

export function sniffImageType(buf: Buffer): SniffedType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "jpeg"
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png"
  if (buf.length >= 12 && buf.toString("ascii", 0, 4) === "RIFF" && buf.toString("ascii", 8, 12) === "WEBP") return "webp"
  return null
}

/**
 * Validates and re-encodes a photo: a fresh JPEG without EXIF/GPS or any other
 * metadata, oriented by its EXIF first, at most `maxSide` pixels on a side.
 */
export async function normalizeUpload(buf: Buffer, { maxSide = 1024 } = {}): Promise<{ jpeg: Buffer; type: SniffedType; width: number; height: number }> {
  if (!buf?.length) throw new ImageInputError(400, "The image is empty: send a JPEG, PNG or WebP photo in the `image` field.")
  if (buf.length > MAX_UPLOAD_BYTES) {
    throw new ImageInputError(413, `The image is ${(buf.length / 1048576).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB.`)
  }
  const type = sniffImageType(buf)
  if (!type) throw new ImageInputError(415, "That file is not a JPEG, PNG or WebP image (judged by its content, not its name or MIME type).")
  let meta: sharp.Metadata
  try {
    // reading the header only: safe without a pixel limit, and lets us name the size
    meta = await sharp(buf, { limitInputPixels: false }).metadata()
  } catch (e: any) {
    throw new ImageInputError(400, `The ${type.toUpperCase()} image could not be read: ${String(e?.message ?? e).slice(0, 120)}`)
  }
  if (!meta.width || !meta.height) throw new ImageInputError(400, `The ${type.toUpperCase()} image has no size: it is corrupt.`)
  if (meta.width * meta.height > MAX_INPUT_PIXELS) {
    throw new ImageInputError(413, `The image is ${meta.width}×${meta.height} pixels; the limit is ${MAX_INPUT_PIXELS / 1e6} megapixels.`)
  }
  try {
    const { data, info } = await sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 90 })
      .toBuffer({ resolveWithObject: true })
    return { jpeg: data, type, width: info.width, height: info.height }
  } catch (e: any) {
    throw new ImageInputError(400, `The ${type.toUpperCase()} image is truncated or corrupt: ${String(e?.message ?? e).slice(0, 120)}`)
  }
}

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
