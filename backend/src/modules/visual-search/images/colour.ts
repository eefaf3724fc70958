/**
 * The one sRGB → CIE Lab (D65) conversion of the module: near-copy frames and
 * the classic embedder's colour features both use it.
 */
const EPSILON = 216 / 24389
const KAPPA = 24389 / 27

/** sRGB byte → linear light, as a table (the classic features convert millions of pixels). */
export const SRGB_TO_LINEAR = (() => {
  const t = new Float32Array(256)
  for (let i = 0; i < 256; i++) {
    const c = i / 255
    t[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return t
})()

const f = (t: number) => (t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116)

/** Lab of linear-light RGB. */
export function linearRgbToLab(
  R: number,
  G: number,
  B: number
): [number, number, number] {
  const x = f((R * 0.4124 + G * 0.3576 + B * 0.1805) / 0.95047)
  const y = f(R * 0.2126 + G * 0.7152 + B * 0.0722)
  const z = f((R * 0.0193 + G * 0.1192 + B * 0.9505) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

/** Lab of one sRGB pixel (bytes 0–255). */
export function rgbToLab(
  r: number,
  g: number,
  b: number
): [number, number, number] {
  const lin = (c: number) => {
    c /= 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return linearRgbToLab(lin(r), lin(g), lin(b))
}
