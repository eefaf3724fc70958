import sharp from "sharp"
import { rgbToLab } from "../images/colour"
import { MAX_IMAGE_PIXELS } from "../images/limits"

/**
 * The near-copy *frame* of a photo: the whole picture as 64×64 grey and
 * 24×24 Lab colour, stored with each indexed image and compared by
 * registration.ts and decision.ts.
 */
export const FRAME = 64
export const COLOUR_FRAME = 24

export type Frame = { grey: Uint8Array; lab: Uint8Array }

/** The stored form: base64 of 64×64 grey then 24×24×3 Lab (L×2.55, a+128, b+128). */
export async function frameOf(buf: Buffer): Promise<string> {
  const img = () =>
    sharp(buf, { limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate()
      .flatten({ background: "#ffffff" })
  const grey = await img()
    .greyscale()
    .resize(FRAME, FRAME, { fit: "fill" })
    .raw()
    .toBuffer()
  const rgb = await img()
    .removeAlpha()
    .resize(COLOUR_FRAME, COLOUR_FRAME, { fit: "fill" })
    .raw()
    .toBuffer()
  const lab = Buffer.alloc(COLOUR_FRAME * COLOUR_FRAME * 3)
  for (let i = 0; i < COLOUR_FRAME * COLOUR_FRAME; i++) {
    const [L, a, b] = rgbToLab(rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2])
    lab[i * 3] = clampByte(L * 2.55)
    lab[i * 3 + 1] = clampByte(a + 128)
    lab[i * 3 + 2] = clampByte(b + 128)
  }
  return Buffer.concat([grey, lab]).toString("base64")
}

export const clampByte = (v: number) =>
  Math.max(0, Math.min(255, Math.round(v)))

export function parseFrame(b64: string | null | undefined): Frame | null {
  if (!b64) return null
  const raw = Buffer.from(b64, "base64")
  if (raw.length !== FRAME * FRAME + COLOUR_FRAME * COLOUR_FRAME * 3)
    return null
  return {
    grey: new Uint8Array(raw.subarray(0, FRAME * FRAME)),
    lab: onWhite(new Uint8Array(raw.subarray(FRAME * FRAME))),
  }
}

/**
 * Catalogue photos are shot on a white backdrop. A copy re-coloured as a whole
 * (darkened by a tenth, warmed) moves the backdrop with the garment, and then
 * every colour test saw a different product: the backdrop counted as garment,
 * and a 12% darker copy was recognised 1 time in 150. A different product in
 * another colour keeps its backdrop white. So a frame whose border is one
 * even, light, near-neutral colour has that colour mapped back to white (L
 * scaled, a and b shifted in proportion to lightness); a frame on white, or
 * without an even border, is left as it is. The stored frame is not changed.
 */
function onWhite(lab: Uint8Array): Uint8Array {
  const n = COLOUR_FRAME
  const ring: number[] = []
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      if (x === 0 || y === 0 || x === n - 1 || y === n - 1)
        ring.push((y * n + x) * 3)
  const median = (c: number) =>
    ring.map((i) => lab[i + c]).sort((p, q) => p - q)[ring.length >> 1]
  const L = median(0) / 2.55,
    a = median(1) - 128,
    b = median(2) - 128
  if (inkOf(L, a, b) < BACKDROP.white) return lab
  if (L < BACKDROP.minL || Math.hypot(a, b) > BACKDROP.maxChroma) return lab
  const even = ring.filter(
    (i) =>
      Math.hypot(
        lab[i] / 2.55 - L,
        lab[i + 1] - 128 - a,
        lab[i + 2] - 128 - b
      ) <= BACKDROP.spread
  ).length
  if (even < ring.length * BACKDROP.evenShare) return lab
  const out = new Uint8Array(lab.length)
  for (let i = 0; i < lab.length; i += 3) {
    const l = lab[i] / 2.55
    const k = l / L
    out[i] = clampByte(Math.min(100, (l / L) * 100) * 2.55)
    out[i + 1] = clampByte(lab[i + 1] - a * k)
    out[i + 2] = clampByte(lab[i + 2] - b * k)
  }
  return out
}

/** When a frame's border counts as a backdrop to map back to white (`onWhite`). */
const BACKDROP = {
  /** "ink" of the border's median (see `inkOf`) below this: white already */
  white: 2,
  /** a border darker than this L is a scene, not a backdrop */
  minL: 70,
  /** …or more colourful than this chroma */
  maxChroma: 15,
  /** border cells within this ΔE of the median… */
  spread: 6,
  /** …must be at least this share of the border */
  evenShare: 0.6,
}

/**
 * "Ink": how far a Lab colour is from the white backdrop, 100 − L + chroma.
 * Cells with ink below about 8 are backdrop; the rest is the garment.
 */
export const inkOf = (L: number, a: number, b: number) =>
  100 - L + Math.hypot(a, b)
