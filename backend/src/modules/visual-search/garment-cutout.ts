import sharp from "sharp"
import { clusterColours, segmentRGB } from "./embedders/classic-features"
import { grabCutMask } from "./embedders/grabcut"

/** Side of the picture the garment is segmented at (the classic embedder works at 128). */
const WORK = 192

export type GarmentCutout = {
  /** JPEG of the garment alone on a plain background, cropped to it with a margin */
  cutout: Buffer
  /** sRGB of the garment's inner pixels (edge pixels blend with the background), a sample of at most 4096 */
  pixels: [number, number, number][]
  /** share of the picture the garment covers */
  coverage: number
  /** the cut-out on white, as catalogue photos are shot (for embedding) */
  onWhite: Buffer
}

/**
 * Separates the garment from its background with the classic embedder's
 * segmentation (a robust plane fit of the border's colour), and returns a
 * cut-out on a plain background plus the garment's own pixels, from which a
 * colour can be named without the background's.
 */
export async function garmentCutout(
  jpeg: Buffer,
  { background = "#f4f4f2" } = {}
): Promise<GarmentCutout> {
  const full = await sharp(jpeg)
    .rotate()
    .flatten({ background: "#ffffff" })
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true })
  const W = full.info.width,
    H = full.info.height
  const small = await sharp(full.data, {
    raw: { width: W, height: H, channels: 3 },
  })
    .resize(WORK, WORK, { fit: "inside", kernel: "linear" })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const w = small.info.width,
    h = small.info.height
  const seed =
    borderClusterMask(small.data, w, h) ?? segmentRGB(small.data, w, h).mask
  const mask = (await grabCutMask(small.data, w, h, seed)) ?? seed
  const pixels: [number, number, number][] = []
  const inner: number[] = []
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x
      if (mask[i] && mask[i - 1] && mask[i + 1] && mask[i - w] && mask[i + w])
        inner.push(i)
    }
  const use =
    inner.length >= 20 ? inner : [...mask.keys()].filter((i) => mask[i])
  const step = Math.max(1, Math.floor(use.length / 4096))
  for (let j = 0; j < use.length; j += step) {
    const i = use[j]
    pixels.push([
      small.data[i * 3],
      small.data[i * 3 + 1],
      small.data[i * 3 + 2],
    ])
  }
  // the mask, softened at its edge and scaled to the photo, blends the photo into the plain background
  const alpha = Buffer.alloc(w * h)
  for (let i = 0; i < w * h; i++) alpha[i] = mask[i] ? 255 : 0
  const bigAlpha = await sharp(alpha, {
    raw: { width: w, height: h, channels: 1 },
  })
    .resize(W, H, { fit: "fill", kernel: "cubic" })
    .blur(1.2)
    .extractChannel(0)
    .raw()
    .toBuffer()
  const bg = hexRgb(background)
  const plain = Buffer.alloc(W * H * 3)
  const out = Buffer.alloc(W * H * 3)
  for (let i = 0; i < W * H; i++) {
    const a = bigAlpha[i] / 255
    for (let c = 0; c < 3; c++) {
      plain[i * 3 + c] = Math.round(full.data[i * 3 + c] * a + bg[c] * (1 - a))
      out[i * 3 + c] = Math.round(full.data[i * 3 + c] * a + 255 * (1 - a))
    }
  }
  // crop to where the garment is: 1st–99th percentile of its columns and rows, so stray specks do not widen the box
  const xs: number[] = [],
    ys: number[] = []
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (mask[y * w + x]) {
        xs.push(x)
        ys.push(y)
      }
  xs.sort((p, q) => p - q)
  ys.sort((p, q) => p - q)
  const pct = (a: number[], p: number, d: number) =>
    a.length ? a[Math.min(a.length - 1, Math.floor(p * a.length))] : d
  const sx = W / w,
    sy = H / h
  const margin = Math.round(Math.max(W, H) * 0.04)
  const left = Math.max(0, Math.floor(pct(xs, 0.01, 0) * sx) - margin),
    top = Math.max(0, Math.floor(pct(ys, 0.01, 0) * sy) - margin)
  const right = Math.min(
      W,
      Math.ceil((pct(xs, 0.99, w - 1) + 1) * sx) + margin
    ),
    bottom = Math.min(H, Math.ceil((pct(ys, 0.99, h - 1) + 1) * sy) + margin)
  const cutout = await sharp(plain, {
    raw: { width: W, height: H, channels: 3 },
  })
    .extract({
      left,
      top,
      width: Math.max(1, right - left),
      height: Math.max(1, bottom - top),
    })
    .jpeg({ quality: 88 })
    .toBuffer()
  let area = 0
  for (let i = 0; i < w * h; i++) area += mask[i]
  // the same cut-out on white, the way the catalogue photographs its products: what tagging embeds
  const onWhite = await sharp(out, {
    raw: { width: W, height: H, channels: 3 },
  })
    .extract({
      left,
      top,
      width: Math.max(1, right - left),
      height: Math.max(1, bottom - top),
    })
    .jpeg({ quality: 90 })
    .toBuffer()
  return {
    cutout,
    pixels,
    coverage: area / (w * h),
    onWhite: background.toLowerCase() === "#ffffff" ? cutout : onWhite,
  }
}

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace("#", ""), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function lab(r: number, g: number, b: number): [number, number, number] {
  const lin = (c: number) => {
    c /= 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const R = lin(r),
    G = lin(g),
    B = lin(b)
  const f = (t: number) =>
    t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116
  const x = f((R * 0.4124 + G * 0.3576 + B * 0.1805) / 0.95047),
    y = f(R * 0.2126 + G * 0.7152 + B * 0.0722),
    z = f((R * 0.0193 + G * 0.1192 + B * 0.9505) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

/**
 * A background of several regions (a wall and a floor, a bed and a blanket):
 * the border's colours clustered (k-means, up to 3), then everything joined
 * to the border through pixels close to one of them is background. Null when
 * the result is implausible (nothing or everything left), so the caller falls
 * back to the classic single-plane segmentation.
 */
function borderClusterMask(
  px: Buffer | Uint8Array,
  w: number,
  h: number
): Uint8Array | null {
  const n = w * h
  const L = new Float32Array(n),
    A = new Float32Array(n),
    B = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const [l, a, b] = lab(px[i * 3], px[i * 3 + 1], px[i * 3 + 2])
    L[i] = l
    A[i] = a
    B[i] = b
  }
  const ring: number[] = []
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (x < 2 || y < 2 || x >= w - 2 || y >= h - 2) ring.push(y * w + x)
  const d2 = (i: number, c: number[]) =>
    (L[i] - c[0]) ** 2 + (A[i] - c[1]) ** 2 + (B[i] - c[2]) ** 2
  const { centres, own } = clusterColours([L, A, B], ring, {
    maxK: 3,
    minDistance: 15,
    rounds: 6,
  })
  // a cluster holding few border pixels is the garment touching the edge, not background
  const counts = centres.map((_, k) => own.filter((o) => o === k).length)
  const bgCentres = centres.filter((_, k) => counts[k] >= ring.length * 0.12)
  if (!bgCentres.length) return null
  const resid = ring
    .map((i) => Math.sqrt(Math.min(...bgCentres.map((c) => d2(i, c)))))
    .sort((a, b) => a - b)
  const T = Math.min(
    30,
    Math.max(9, 3 * resid[Math.floor(resid.length * 0.5)] + 6)
  )
  const near = new Uint8Array(n)
  for (let i = 0; i < n; i++)
    near[i] = Math.min(...bgCentres.map((c) => d2(i, c))) < T * T ? 1 : 0
  const bg = new Uint8Array(n)
  const stack: number[] = []
  const seed = (i: number) => {
    if (near[i] && !bg[i]) {
      bg[i] = 1
      stack.push(i)
    }
  }
  for (const i of ring) seed(i)
  while (stack.length) {
    const i = stack.pop()!,
      x = i % w
    if (x > 0) seed(i - 1)
    if (x < w - 1) seed(i + 1)
    if (i >= w) seed(i - w)
    if (i < n - w) seed(i + w)
  }
  const mask = new Uint8Array(n)
  let area = 0
  for (let i = 0; i < n; i++)
    if (!bg[i]) {
      mask[i] = 1
      area++
    }
  if (area < n * 0.02 || area > n * 0.97) return null
  return mask
}
