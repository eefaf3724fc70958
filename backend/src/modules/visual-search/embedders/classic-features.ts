import sharp from "sharp"
import { linearRgbToLab, SRGB_TO_LINEAR } from "../images/colour"
import { cutOutOnWhite } from "./grabcut"

/**
 * Raw, hand-made image descriptor of the "classic" (weight-free) embedder.
 *
 * 1. decode with sharp, fit inside WORK×WORK, raw RGB → CIE Lab (images/colour.ts)
 * 2. background model: a robust plane (Lab = a + b·x + c·y) fitted to the border
 *    ring handles solid and gradient backgrounds; its residual spread sets the
 *    tolerance (noisy backgrounds). Pixels near the model and without a strong
 *    edge are flood-filled from the border; the rest is the product. Keep the
 *    largest component (plus big secondary ones: pairs of shoes), take back
 *    enclosed background-looking pixels (white garment on white), crop to bbox.
 * 3. features on the product only:
 *    - colour: soft (trilinear) Lab histogram 4×6×6 over product pixels, Hellinger,
 *      + mean/std of L, a, b
 *    - shape: mask in a 10×10 aspect-preserving grid, 6×6 stretched grid,
 *      12-row / 12-column profiles, log aspect, fill ratio, edge-touching flags
 *    - edges/texture: HOG (4×4 cells × 9 unsigned orientations) of the
 *      silhouette, and of the product's lightness with the background flattened
 *      (internal structure, prints, stripes), + gradient-magnitude histogram;
 *      the inner HOG again on 8×8 cells (collars, buttons, laces, straps);
 *      rotation-invariant uniform LBP histograms at radius 1 and 2 (the fabric:
 *      knit, denim, leather, print)
 *    - colour layout: mean Lab of the product in a 4×4 grid (white soles,
 *      contrasting collars, two-tone bags)
 */

export const WORK = 128
export const CANVAS = 64

export const BLOCKS = {
  colourHist: 4 * 6 * 6, // 144
  colourStats: 6,
  maskSquare: 100,
  maskStretch: 36,
  profiles: 24,
  shapeScalars: 4,
  hogShape: 144,
  hogInner: 144,
  texture: 6,
  hogInnerFine: 576,
  lbp: 20,
  colourLayout: 48,
} as const

export type BlockName = keyof typeof BLOCKS

/** [start, end) of each block in the raw descriptor. */
export const BLOCK_RANGES: Record<BlockName, [number, number]> = (() => {
  const r: any = {}
  let o = 0
  for (const k of Object.keys(BLOCKS) as BlockName[]) {
    r[k] = [o, o + BLOCKS[k]]
    o += BLOCKS[k]
  }
  return r
})()

export const RAW_DIM = Object.values(BLOCKS).reduce((a, b) => a + b, 0)

// ---------------------------------------------------------------- colour ----

function toLab(
  px: Buffer | Uint8Array,
  n: number,
  L: Float32Array,
  A: Float32Array,
  B: Float32Array
) {
  for (let i = 0; i < n; i++) {
    const [l, a, b] = linearRgbToLab(
      SRGB_TO_LINEAR[px[i * 3]],
      SRGB_TO_LINEAR[px[i * 3 + 1]],
      SRGB_TO_LINEAR[px[i * 3 + 2]]
    )
    L[i] = l
    A[i] = a
    B[i] = b
  }
}

// ----------------------------------------------------------- segmentation ----

function boxBlur3(src: Float32Array, w: number, h: number): Float32Array {
  const tmp = new Float32Array(w * h),
    out = new Float32Array(w * h)
  for (let y = 0; y < h; y++) {
    const o = y * w
    for (let x = 0; x < w; x++) {
      const a = src[o + (x > 0 ? x - 1 : x)],
        b = src[o + x],
        c = src[o + (x < w - 1 ? x + 1 : x)]
      tmp[o + x] = (a + b + c) / 3
    }
  }
  for (let y = 0; y < h; y++) {
    const up = (y > 0 ? y - 1 : y) * w,
      dn = (y < h - 1 ? y + 1 : y) * w,
      o = y * w
    for (let x = 0; x < w; x++)
      out[o + x] = (tmp[up + x] + tmp[o + x] + tmp[dn + x]) / 3
  }
  return out
}

function solve3(M: number[], v: number[]): number[] {
  // Cramer's rule on a 3×3 system (well conditioned: [1, x, y] normal equations)
  const det = (m: number[]) =>
    m[0] * (m[4] * m[8] - m[5] * m[7]) -
    m[1] * (m[3] * m[8] - m[5] * m[6]) +
    m[2] * (m[3] * m[7] - m[4] * m[6])
  const d = det(M)
  if (Math.abs(d) < 1e-9) return [v[0] / Math.max(M[0], 1), 0, 0]
  const out: number[] = []
  for (let c = 0; c < 3; c++) {
    const m = M.slice()
    for (let r = 0; r < 3; r++) m[r * 3 + c] = v[r]
    out.push(det(m) / d)
  }
  return out
}

function median(a: Float32Array | number[], n = a.length): number {
  const s = Array.prototype.slice
    .call(a, 0, n)
    .sort((p: number, q: number) => p - q)
  return s.length ? s[s.length >> 1] : 0
}

export interface Segmentation {
  mask: Uint8Array // 1 = product
  x0: number
  y0: number
  x1: number // inclusive
  y1: number
  area: number
}

export function segmentRGB(
  px: Buffer | Uint8Array,
  w: number,
  h: number
): Segmentation {
  const n = w * h
  const L = new Float32Array(n),
    A = new Float32Array(n),
    B = new Float32Array(n)
  toLab(px, n, L, A, B)
  return segment(L, A, B, w, h)
}

/**
 * The product's pixels: the backdrop is modelled on the border ring, flooded
 * in from the border, and what is left (its big components, with enclosed
 * backdrop-looking holes taken back) is the product.
 *
 * Shoppers' backdrops are rarely one colour: when what is left still holds a
 * large part of the border ring (other surfaces the one backdrop model did not
 * reach), the border's other colours join the model (`borderModels`). And a
 * photo of a photo, a screen or a page leaves the picture's frame as the
 * "product": when what is left is a convex block, its own rim is taken as a
 * new backdrop and peeled, up to twice (a bezel, then the photo's backdrop).
 */
export function segment(
  L: Float32Array,
  A: Float32Array,
  B: Float32Array,
  w: number,
  h: number
): Segmentation {
  const smooth = [boxBlur3(L, w, h), boxBlur3(A, w, h), boxBlur3(B, w, h)]
  const ring = borderRing(w, h)
  const grad = lightnessGradient(smooth[0], w, h)
  const all = new Uint8Array(w * h).fill(1)
  let mask = floodFrom(ring, all, smooth, grad, w, h, false, false)
  if (ringShare(mask, ring) > SEAM_RING_SHARE) {
    // the seams between surfaces (their pixels blend two colours) stand as thin lines from the border
    const opened = floodFrom(ring, all, smooth, grad, w, h, false, true)
    if (
      ringShare(opened, ring) < ringShare(mask, ring) &&
      area(opened) >= 0.5 * area(mask)
    )
      mask = opened
  }
  if (ringShare(mask, ring) > MULTI_RING_SHARE) {
    // textured surfaces (stripes, checks, carpet) average out at a coarser scale
    const coarse = smooth.map((c) => boxBlur3(boxBlur3(c, w, h), w, h))
    const multi = floodFrom(
      ring,
      all,
      coarse,
      lightnessGradient(coarse[0], w, h),
      w,
      h,
      true,
      true
    )
    // the border's other colour may be the product cut by the frame, which the flood then eats
    if (
      ringShare(multi, ring) < ringShare(mask, ring) &&
      area(multi) >= MULTI_KEEP * area(mask)
    )
      mask = multi
  }
  for (let k = 0; k < 2; k++) {
    const inner = peelFrame(mask, smooth, grad, w, h)
    if (!inner) break
    mask = inner
  }
  return boundingBox(mask, w, h)
}

/** Half the width of the thin lines (seams) an opening removes, in pixels of the WORK-px photo. */
const OPEN_PX = 3
/** Share of the border ring the product covers above which thin lines standing from the border are opened away. */
const SEAM_RING_SHARE = 0.02
/** Share of the border ring the product covers above which one backdrop model is taken to have missed surfaces. */
const MULTI_RING_SHARE = 0.3
/** …and keeps at least this share of what one model left (less: it ate the product). */
const MULTI_KEEP = 0.15
/** Median lightness gradient along a frame's rim at most (ΔL per 2 px): plain, not patterned. */
const FRAME_RIM_GRAD = 4
/** A framed picture fills at least this share of its convex hull. */
const SOLIDITY = 0.93
/** …with this share of its outline on straight sides. */
const STRAIGHT_EDGE = 0.8
/** …and its rim is one backdrop: at least this share of it floods. */
const FRAME_RIM = 0.55

const area = (mask: Uint8Array) => {
  let a = 0
  for (let i = 0; i < mask.length; i++) a += mask[i] ? 1 : 0
  return a
}
const ringShare = (mask: Uint8Array, ring: number[]) =>
  ring.reduce((s, i) => s + (mask[i] ? 1 : 0), 0) / ring.length

/**
 * The product mask inside `within`: the backdrop modelled on `rim` (a plane,
 * plus with `multi` the rim's other colour clusters), flooded from the rim
 * through pixels of `within` that may be backdrop, the rest's big components
 * (with `open`, less what is at most 2·OPEN_PX pixels wide).
 */
function floodFrom(
  rim: number[],
  within: Uint8Array,
  smooth: Float32Array[],
  grad: Float32Array,
  w: number,
  h: number,
  multi: boolean,
  open: boolean
): Uint8Array {
  const backdrop = fitBackdrop(smooth, rim, w, h)
  const dist = backdropDistance(smooth, backdrop.coef, w, h)
  // several surfaces bring textures: the edge threshold from the rim's upper quartile then
  const rimGrad = rim.map((i) => grad[i]).sort((p, q) => p - q)
  const edge = Math.max(
    6,
    3 * rimGrad[Math.floor(rimGrad.length * (multi ? 0.75 : 0.5))] + 4
  )
  const others = multi ? borderModels(smooth, rim) : []
  const [Ls, As, Bs] = smooth
  const nearOther = (i: number) => {
    for (const m of others) {
      const d =
        (Ls[i] - m.c[0]) ** 2 + (As[i] - m.c[1]) ** 2 + (Bs[i] - m.c[2]) ** 2
      if (d < m.tol * m.tol) return true
    }
    return false
  }
  const bg = floodBackdrop(
    rim,
    (i) =>
      within[i] === 1 &&
      (dist[i] < backdrop.tolerance || (others.length > 0 && nearOther(i))) &&
      grad[i] < edge,
    w,
    h
  )
  for (let i = 0; i < bg.length; i++) if (!within[i]) bg[i] = 1
  // seams between surfaces (their pixels blend two colours) are thin lines left standing: open them away
  if (open) {
    let fg: Uint8Array = new Uint8Array(bg.length)
    for (let i = 0; i < bg.length; i++) fg[i] = bg[i] ? 0 : 1
    for (let k = 0; k < OPEN_PX; k++) fg = erode(fg, w, h)
    for (let k = 0; k < OPEN_PX; k++) fg = dilate(fg, w, h)
    for (let i = 0; i < bg.length; i++) if (!fg[i]) bg[i] = 1
  }
  const mask = fillEnclosed(
    productComponents(bg, dist, backdrop.tolerance, w, h),
    w,
    h
  )
  for (let i = 0; i < mask.length; i++) if (!within[i]) mask[i] = 0
  return mask
}

/**
 * The colours of some pixels (`of`, indices into the Lab planes) clustered:
 * k-means with a farthest-point start from the first pixel, a new centre only
 * while some pixel is at least `minDistance` (Lab) from every centre, up to
 * `maxK`, then `rounds` Lloyd steps. `own[j]`: the centre of pixel `of[j]`.
 * Both backdrop models of several colours (borderModels here, the wardrobe's
 * garment-cutout.ts) cluster their border this way.
 */
export function clusterColours(
  [L, A, B]: Float32Array[],
  of: number[],
  opts: { maxK: number; minDistance: number; rounds: number }
): { centres: number[][]; own: Int32Array } {
  const d2 = (i: number, c: number[]) =>
    (L[i] - c[0]) ** 2 + (A[i] - c[1]) ** 2 + (B[i] - c[2]) ** 2
  const centres: number[][] = [[L[of[0]], A[of[0]], B[of[0]]]]
  while (centres.length < opts.maxK) {
    let far = -1,
      fd = -1
    for (const i of of) {
      let d = Infinity
      for (const c of centres) d = Math.min(d, d2(i, c))
      if (d > fd) {
        fd = d
        far = i
      }
    }
    if (fd < opts.minDistance ** 2) break
    centres.push([L[far], A[far], B[far]])
  }
  const own = new Int32Array(of.length)
  for (let it = 0; it < opts.rounds; it++) {
    const sum = centres.map(() => [0, 0, 0, 0])
    of.forEach((i, j) => {
      let best = 0,
        bd = Infinity
      centres.forEach((c, k) => {
        const d = d2(i, c)
        if (d < bd) {
          bd = d
          best = k
        }
      })
      own[j] = best
      const s = sum[best]
      s[0] += L[i]
      s[1] += A[i]
      s[2] += B[i]
      s[3]++
    })
    centres.forEach((c, k) => {
      const s = sum[k]
      if (s[3]) for (let q = 0; q < 3; q++) c[q] = s[q] / s[3]
    })
  }
  return { centres, own }
}

/**
 * The rim's colours beside the plane: k-means (farthest-point start, up to 5)
 * of the rim pixels, each cluster holding at least 8% of the rim (fewer is the
 * product touching the edge), with a tolerance from its own spread.
 */
function borderModels(
  smooth: Float32Array[],
  rim: number[]
): { c: number[]; tol: number }[] {
  const [Ls, As, Bs] = smooth
  // every rim colour is clustered, not only those off the plane: a plane through two surfaces may fit neither
  const off = rim
  const d2 = (i: number, c: number[]) =>
    (Ls[i] - c[0]) ** 2 + (As[i] - c[1]) ** 2 + (Bs[i] - c[2]) ** 2
  const { centres, own } = clusterColours(smooth, off, {
    maxK: 5,
    minDistance: 12,
    rounds: 5,
  })
  const models: { c: number[]; tol: number }[] = []
  centres.forEach((c, k) => {
    const members = off.filter((_, j) => own[j] === k)
    if (members.length < rim.length * 0.08) return
    const spread = median(members.map((i) => Math.sqrt(d2(i, c))))
    models.push({ c, tol: Math.min(30, Math.max(8, 2.5 * spread + 6)) })
  })
  return models
}

/**
 * A framed picture's content: when `mask` is one convex block (a photo, a
 * screen, a page: at least 92% of its convex hull) of some size, its rim is
 * flooded inwards as a new backdrop. Null unless that leaves a product of
 * 6–90% of the block.
 */
function peelFrame(
  mask: Uint8Array,
  smooth: Float32Array[],
  grad: Float32Array,
  w: number,
  h: number
): Uint8Array | null {
  const n = w * h
  const a = area(mask)
  if (a < n * 0.12) return null
  const { hull, area: hullA } = convexHull(mask, w, h)
  if (a / hullA < SOLIDITY) return null
  if (straightEdgeShare(mask, hull, w, h) < STRAIGHT_EDGE) return null
  // the rim five pixels inside the block's edge: the edge blends with what is outside, and the flood stops short of it
  let core = mask
  for (let k = 0; k < 5; k++) core = erode(core, w, h)
  const rim: number[] = []
  for (let i = 0; i < n; i++) {
    if (!core[i]) continue
    const x = i % w,
      y = (i - x) / w
    if (
      x === 0 ||
      y === 0 ||
      x === w - 1 ||
      y === h - 1 ||
      !core[i - 1] ||
      !core[i + 1] ||
      !core[i - w] ||
      !core[i + w]
    )
      rim.push(i)
  }
  if (rim.length < 16) return null
  // a frame is a plain band (a photo's backdrop, a bezel, a page's margin); a patterned block is the product
  if (median(rim.map((i) => grad[i])) > FRAME_RIM_GRAD) return null
  // one plain backdrop (a photo's, a bezel, a page's margin) all round, or it is no frame
  const inner = floodFrom(rim, core, smooth, grad, w, h, false, false)
  const b = area(inner)
  if (1 - ringShare(inner, rim) < FRAME_RIM) return null
  return b >= a * 0.06 && b <= a * 0.9 ? inner : null
}

/** The mask less its 4-connected edge pixels. */
function erode(mask: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(mask.length)
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x
      out[i] =
        mask[i] && mask[i - 1] && mask[i + 1] && mask[i - w] && mask[i + w]
          ? 1
          : 0
    }
  return out
}

/** The mask grown by its 4-connected neighbours. */
function dilate(mask: Uint8Array, w: number, h: number): Uint8Array {
  const out = mask.slice()
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x
      if (mask[i]) continue
      if (
        (x > 0 && mask[i - 1]) ||
        (x < w - 1 && mask[i + 1]) ||
        (y > 0 && mask[i - w]) ||
        (y < h - 1 && mask[i + w])
      )
        out[i] = 1
    }
  return out
}

/** The convex hull of the mask's pixels (monotone chain over each row's end pixels) and its area. */
function convexHull(
  mask: Uint8Array,
  w: number,
  h: number
): { hull: [number, number][]; area: number } {
  const pts: [number, number][] = []
  for (let y = 0; y < h; y++) {
    let first = -1,
      last = -1
    for (let x = 0; x < w; x++)
      if (mask[y * w + x]) {
        if (first < 0) first = x
        last = x
      }
    if (first < 0) continue
    // pixel corners, so a one-pixel row has area
    pts.push([first, y], [last + 1, y], [first, y + 1], [last + 1, y + 1])
  }
  if (pts.length < 3) return { hull: pts, area: 1 }
  pts.sort((p, q) => p[0] - q[0] || p[1] - q[1])
  const cross = (o: number[], p: number[], q: number[]) =>
    (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])
  const lower: [number, number][] = [],
    upper: [number, number][] = []
  for (const p of pts) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0
    )
      lower.pop()
    lower.push(p)
  }
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0
    )
      upper.pop()
    upper.push(p)
  }
  const hull = lower.slice(0, -1).concat(upper.slice(0, -1))
  let s = 0
  for (let i = 0; i < hull.length; i++) {
    const [x1, y1] = hull[i],
      [x2, y2] = hull[(i + 1) % hull.length]
    s += x1 * y2 - x2 * y1
  }
  return { hull, area: Math.max(1, Math.abs(s) / 2) }
}

/**
 * Share of the mask's edge pixels lying on its convex hull's outline (within
 * 1.5 px): nearly all for a photo, a screen or a page (straight sides), far
 * fewer for a garment, whose outline has sleeves, necklines and hollows.
 */
function straightEdgeShare(
  mask: Uint8Array,
  hull: [number, number][],
  w: number,
  h: number
): number {
  let on = 0,
    all = 0
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x
      if (!mask[i]) continue
      if (
        x > 0 &&
        y > 0 &&
        x < w - 1 &&
        y < h - 1 &&
        mask[i - 1] &&
        mask[i + 1] &&
        mask[i - w] &&
        mask[i + w]
      )
        continue
      all++
      const px = x + 0.5,
        py = y + 0.5
      for (let k = 0; k < hull.length; k++) {
        const [ax, ay] = hull[k],
          [bx, by] = hull[(k + 1) % hull.length]
        const dx = bx - ax,
          dy = by - ay
        const t = Math.max(
          0,
          Math.min(
            1,
            ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)
          )
        )
        if (Math.hypot(ax + t * dx - px, ay + t * dy - py) <= 1.5) {
          on++
          break
        }
      }
    }
  return all ? on / all : 0
}

/** The pixels of the 2-px border ring, row by row. */
function borderRing(w: number, h: number): number[] {
  const ring: number[] = []
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (x < 2 || y < 2 || x >= w - 2 || y >= h - 2) ring.push(y * w + x)
    }
  return ring
}

/** A pixel's position as a share of the image, centred: the plane's coordinates. */
const planeX = (i: number, w: number) => (i % w) / w - 0.5
const planeY = (i: number, w: number, h: number) => Math.floor(i / w) / h - 0.5

/**
 * The backdrop model: a plane per Lab channel (value = c0 + c1·x + c2·y) fitted
 * to the border ring, refitting on the inliers three times; `tolerance` is the
 * distance from the plane within which a pixel may be backdrop (from the
 * residuals' spread: noisy backdrops get more).
 */
function fitBackdrop(
  chans: Float32Array[],
  ring: number[],
  w: number,
  h: number
): { coef: number[][]; tolerance: number } {
  let inl = ring
  let coef: number[][] = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ]
  const resid = new Float32Array(ring.length)
  for (let it = 0; it < 3; it++) {
    const M = [0, 0, 0, 0, 0, 0, 0, 0, 0]
    const v = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]
    for (const i of inl) {
      const f = [1, planeX(i, w), planeY(i, w, h)]
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 3; c++) M[r * 3 + c] += f[r] * f[c]
        for (let k = 0; k < 3; k++) v[k][r] += f[r] * chans[k][i]
      }
    }
    for (let r = 0; r < 3; r++) M[r * 4] += 1e-6
    coef = v.map((vk) => solve3(M, vk))
    for (let j = 0; j < ring.length; j++) {
      const i = ring[j],
        fx = planeX(i, w),
        fy = planeY(i, w, h)
      let d = 0
      for (let k = 0; k < 3; k++) {
        const e = chans[k][i] - (coef[k][0] + coef[k][1] * fx + coef[k][2] * fy)
        d += e * e
      }
      resid[j] = Math.sqrt(d)
    }
    const med = median(resid)
    const cut = Math.max(2.5 * med, 4)
    const next: number[] = []
    for (let j = 0; j < ring.length; j++)
      if (resid[j] <= cut) next.push(ring[j])
    if (next.length < ring.length * 0.25) break
    inl = next
  }
  const inRes: number[] = []
  for (let j = 0; j < ring.length; j++) inRes.push(resid[j])
  const sigma =
    1.4826 *
    median(
      inRes
        .sort((a, b) => a - b)
        .slice(0, Math.max(1, Math.floor(inRes.length * 0.6)))
    )
  return { coef, tolerance: Math.min(40, Math.max(7, 3 * sigma + 5)) }
}

/** Each pixel's Lab distance from the backdrop plane. */
function backdropDistance(
  chans: Float32Array[],
  coef: number[][],
  w: number,
  h: number
): Float32Array {
  const n = w * h
  const [Ls, As, Bs] = chans
  const dist = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const fx = planeX(i, w),
      fy = planeY(i, w, h)
    const e0 = Ls[i] - (coef[0][0] + coef[0][1] * fx + coef[0][2] * fy)
    const e1 = As[i] - (coef[1][0] + coef[1][1] * fx + coef[1][2] * fy)
    const e2 = Bs[i] - (coef[2][0] + coef[2][1] * fx + coef[2][2] * fy)
    dist[i] = Math.sqrt(e0 * e0 + e1 * e1 + e2 * e2)
  }
  return dist
}

/** Edge strength: the central-difference gradient of (smoothed) lightness; 0 on the outermost pixels. */
function lightnessGradient(
  Ls: Float32Array,
  w: number,
  h: number
): Float32Array {
  const grad = new Float32Array(w * h)
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x
      const gx = Ls[i + 1] - Ls[i - 1],
        gy = Ls[i + w] - Ls[i - w]
      grad[i] = Math.sqrt(gx * gx + gy * gy)
    }
  return grad
}

/** The backdrop: pixels reached from the border ring through pixels that may be backdrop (4-connected). */
function floodBackdrop(
  ring: number[],
  mayBeBackdrop: (i: number) => boolean,
  w: number,
  h: number
): Uint8Array {
  const n = w * h
  const bg = new Uint8Array(n)
  const stack = new Int32Array(n)
  let sp = 0
  const push = (i: number) => {
    if (!bg[i] && mayBeBackdrop(i)) {
      bg[i] = 1
      stack[sp++] = i
    }
  }
  for (const i of ring) push(i)
  while (sp > 0) {
    const i = stack[--sp]
    const x = i % w
    if (x > 0) push(i - 1)
    if (x < w - 1) push(i + 1)
    if (i >= w) push(i - w)
    if (i < n - w) push(i + w)
  }
  return bg
}

/**
 * The product mask: the connected components of what is not backdrop, the
 * largest and those at least 15% of it (pairs of shoes). When nothing
 * separable is found: the pixels clearly off the backdrop, else everything.
 */
function productComponents(
  bg: Uint8Array,
  dist: Float32Array,
  tolerance: number,
  w: number,
  h: number
): Uint8Array {
  const n = w * h
  const lab = new Int32Array(n).fill(-1)
  const stack = new Int32Array(n)
  const sizes: number[] = []
  for (let s = 0; s < n; s++) {
    if (bg[s] || lab[s] >= 0) continue
    const id = sizes.length
    let cnt = 0
    lab[s] = id
    stack[0] = s
    let sp = 1
    while (sp > 0) {
      const i = stack[--sp]
      cnt++
      const x = i % w
      const nb = [
        x > 0 ? i - 1 : -1,
        x < w - 1 ? i + 1 : -1,
        i >= w ? i - w : -1,
        i < n - w ? i + w : -1,
      ]
      for (const j of nb)
        if (j >= 0 && !bg[j] && lab[j] < 0) {
          lab[j] = id
          stack[sp++] = j
        }
    }
    sizes.push(cnt)
  }
  const mask = new Uint8Array(n)
  let big = 0
  for (const s of sizes) big = Math.max(big, s)
  if (big < n * 0.005) {
    let c = 0
    for (let i = 0; i < n; i++)
      if (dist[i] > tolerance * 0.5) {
        mask[i] = 1
        c++
      }
    if (c < n * 0.005) mask.fill(1)
  } else {
    const keep = sizes.map((s) => s >= Math.max(0.15 * big, n * 0.003))
    for (let i = 0; i < n; i++) if (lab[i] >= 0 && keep[lab[i]]) mask[i] = 1
  }
  return mask
}

/** The mask with backdrop-looking pixels that the product encloses on all four sides taken back (white garment on white). */
function fillEnclosed(mask: Uint8Array, w: number, h: number): Uint8Array {
  const n = w * h
  const fgL = new Uint8Array(n),
    fgU = new Uint8Array(n)
  for (let y = 0; y < h; y++) {
    let s = 0
    for (let x = 0; x < w; x++) {
      fgL[y * w + x] = s
      if (mask[y * w + x]) s = 1
    }
  }
  for (let x = 0; x < w; x++) {
    let s = 0
    for (let y = 0; y < h; y++) {
      fgU[y * w + x] = s
      if (mask[y * w + x]) s = 1
    }
  }
  const filled = mask.slice()
  for (let y = 0; y < h; y++) {
    let s = 0
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x
      if (!mask[i] && fgL[i] && s) filled[i] = 2 // left & right
      if (mask[i]) s = 1
    }
  }
  for (let x = 0; x < w; x++) {
    let s = 0
    for (let y = h - 1; y >= 0; y--) {
      const i = y * w + x
      if (filled[i] === 2) filled[i] = fgU[i] && s ? 1 : 0
      if (mask[i]) s = 1
    }
  }
  return filled
}

/** The mask's bounding box and area (the whole image when the mask is empty). */
function boundingBox(mask: Uint8Array, w: number, h: number): Segmentation {
  const n = w * h
  let x0 = w,
    y0 = h,
    x1 = -1,
    y1 = -1,
    area = 0
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue
      area++
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
    }
  if (x1 < 0) {
    mask.fill(1)
    x0 = 0
    y0 = 0
    x1 = w - 1
    y1 = h - 1
    area = n
  }
  return { mask, x0, y0, x1, y1, area }
}

// ---------------------------------------------------------------- features ----

const NB_L = 4,
  NB_A = 6,
  NB_B = 6
const L_C0 = 12.5,
  L_STEP = 25 // centres 12.5 … 87.5
const AB_C0 = -45,
  AB_STEP = 18 // centres -45 … 45

function softIdx(
  v: number,
  c0: number,
  step: number,
  nb: number
): [number, number, number] {
  const t = (v - c0) / step
  if (t <= 0) return [0, 0, 1]
  if (t >= nb - 1) return [nb - 1, nb - 1, 1]
  const i = Math.floor(t)
  const f = t - i
  return [i, i + 1, 1 - f]
}

function hog(
  img: Float32Array,
  weight: Float32Array | null,
  S: number,
  cells: number,
  out: Float32Array,
  off: number
) {
  const nbin = 9
  const cs = S / cells
  for (let y = 1; y < S - 1; y++)
    for (let x = 1; x < S - 1; x++) {
      const i = y * S + x
      if (weight && weight[i] <= 0) continue
      const gx = img[i + 1] - img[i - 1],
        gy = img[i + S] - img[i - S]
      let m = Math.sqrt(gx * gx + gy * gy)
      if (m < 1e-6) continue
      if (weight) m *= weight[i]
      let ang = Math.atan2(gy, gx)
      if (ang < 0) ang += Math.PI
      let t = (ang / Math.PI) * nbin - 0.5
      if (t < 0) t += nbin
      const b0 = Math.floor(t) % nbin,
        b1 = (b0 + 1) % nbin,
        f = t - Math.floor(t)
      // bilinear spatial interpolation between cell centres
      const cx = (x + 0.5) / cs - 0.5,
        cy = (y + 0.5) / cs - 0.5
      const ix = Math.floor(cx),
        iy = Math.floor(cy)
      const fx = cx - ix,
        fy = cy - iy
      for (let dy = 0; dy <= 1; dy++) {
        const yy = iy + dy
        if (yy < 0 || yy >= cells) continue
        const wy = dy ? fy : 1 - fy
        for (let dx = 0; dx <= 1; dx++) {
          const xx = ix + dx
          if (xx < 0 || xx >= cells) continue
          const wgt = m * wy * (dx ? fx : 1 - fx)
          const base = off + (yy * cells + xx) * nbin
          out[base + b0] += wgt * (1 - f)
          out[base + b1] += wgt * f
        }
      }
    }
}

/** Lightness difference (L units) a neighbour must exceed to count as brighter: flat cloth is not noise. */
const LBP_EPS = 2

function normBlock(v: Float32Array, s: number, e: number, sqrt: boolean) {
  let sum = 0
  for (let i = s; i < e; i++) sum += v[i]
  if (sum <= 0) return
  for (let i = s; i < e; i++) v[i] = sqrt ? Math.sqrt(v[i] / sum) : v[i] / sum
}

/**
 * Raw descriptor (RAW_DIM floats, not normalised as a whole; every block is
 * individually normalised) of an encoded image (JPEG, PNG, WebP, …).
 */
export async function describeImage(buf: Buffer): Promise<Float32Array> {
  const { data, width, height } = await decodeWithin(buf, WORK)
  return describeRaw(data, width, height)
}

/** The photo as sRGB pixels, upright, transparency on white, fitted inside side × side. */
export async function decodeWithin(buf: Buffer, side: number) {
  const { data, info } = await sharp(buf, { failOn: "none" })
    .rotate() // honour EXIF orientation of phone photos
    .flatten({ background: { r: 255, g: 255, b: 255 } }) // transparent → white, like the catalogue
    .resize(side, side, { fit: "inside", kernel: "linear" })
    .toColourspace("srgb")
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/**
 * Descriptors of several views of one photo: `1` is the whole photo (exactly
 * describeImage), `f < 1` the central f × f part of it. The photo is decoded
 * once at WORK and, for the crops, once at the size the smallest view needs
 * to fill WORK pixels. With `cutOut`, also the descriptor of the product
 * GrabCut cuts out of the whole photo (seeded by the whole view's own
 * `segment()`, see grabcut.ts), on white; null when the cut keeps nothing.
 */
export async function describePhoto(
  buf: Buffer,
  views: number[],
  cutOut: boolean
): Promise<{
  views: Float32Array[]
  cutOut: Float32Array | null
  /** the pixels described: the whole photo at WORK, and the cut-out on white (same size) */
  pixels: { whole: RawPixels; cut: RawPixels | null }
}> {
  const crops = views.filter((f) => f < 1)
  const [whole, src] = await Promise.all([
    decodeWithin(buf, WORK),
    crops.length
      ? decodeWithin(buf, Math.ceil(WORK / Math.min(...crops)))
      : null,
  ])
  // the whole photo's segmentation: for its own view and to seed the cut-out (not for central views alone)
  const described =
    cutOut || views.some((f) => f >= 1)
      ? describeSegmented(whole.data, whole.width, whole.height)
      : null
  const out = await Promise.all(
    views.map(async (f) => {
      if (f >= 1 || !src) return described!.descriptor
      const width = Math.max(8, Math.round(src.width * f)),
        height = Math.max(8, Math.round(src.height * f))
      const { data, info } = await sharp(src.data, {
        raw: { width: src.width, height: src.height, channels: 3 },
      })
        .extract({
          left: Math.floor((src.width - width) / 2),
          top: Math.floor((src.height - height) / 2),
          width,
          height,
        })
        .resize(WORK, WORK, { fit: "inside", kernel: "linear" })
        .raw()
        .toBuffer({ resolveWithObject: true })
      return describeRaw(data, info.width, info.height)
    })
  )
  const cut = cutOut
    ? await cutOutOnWhite(whole.data, whole.width, whole.height, described!.seg)
    : null
  return {
    views: out,
    cutOut: cut ? describeRaw(cut, whole.width, whole.height) : null,
    pixels: {
      whole,
      cut: cut ? { data: cut, width: whole.width, height: whole.height } : null,
    },
  }
}

export type RawPixels = { data: Uint8Array; width: number; height: number }

/** describePhoto's views alone. */
export async function describeViews(
  buf: Buffer,
  views: number[]
): Promise<Float32Array[]> {
  return (await describePhoto(buf, views, false)).views
}

export function describeRaw(
  px: Buffer | Uint8Array,
  w: number,
  h: number
): Float32Array {
  return describeSegmented(px, w, h).descriptor
}

/** describeRaw, with the segmentation it described the product by. */
function describeSegmented(
  px: Buffer | Uint8Array,
  w: number,
  h: number
): { descriptor: Float32Array; seg: Segmentation } {
  const n = w * h
  const L = new Float32Array(n),
    A = new Float32Array(n),
    B = new Float32Array(n)
  toLab(px, n, L, A, B)
  const photo: Photo = { w, h, L, A, B, seg: segment(L, A, B, w, h) }
  const out = new Float32Array(RAW_DIM)
  colourFeatures(photo, out)
  const canvas = productCanvas(photo)
  shapeFeatures(photo, canvas, out)
  hogFeatures(canvas, out)
  fabricFeatures(canvas, out)
  colourLayoutFeatures(canvas, out)
  textureFeatures(canvas, out)
  return { descriptor: out, seg: photo.seg }
}

/** A decoded photo in Lab with its segmentation. */
type Photo = {
  w: number
  h: number
  L: Float32Array
  A: Float32Array
  B: Float32Array
  seg: Segmentation
}

/**
 * The product's bounding box resampled into an aspect-preserving CANVAS×CANVAS
 * square: `mask` (coverage 0–1) and Lab, the backdrop replaced by the
 * product's mean colour.
 */
type Canvas = {
  mask: Float32Array
  L: Float32Array
  A: Float32Array
  B: Float32Array
  meanL: number
  meanA: number
  meanB: number
}

/** Colour: soft Lab histogram and mean/std over the product (its eroded mask: edge pixels blend with the backdrop). */
function colourFeatures({ w, h, L, A, B, seg }: Photo, out: Float32Array) {
  const { mask, x0, y0, x1, y1 } = seg
  const R = BLOCK_RANGES
  const off = R.colourHist[0]
  let sL = 0,
    sA = 0,
    sB = 0,
    qL = 0,
    qA = 0,
    qB = 0,
    c = 0
  const inner = new Uint8Array(w * h)
  let nInner = 0
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x
      if (
        mask[i] &&
        x > 0 &&
        y > 0 &&
        x < w - 1 &&
        y < h - 1 &&
        mask[i - 1] &&
        mask[i + 1] &&
        mask[i - w] &&
        mask[i + w]
      ) {
        inner[i] = 1
        nInner++
      }
    }
  const cmask = nInner >= 20 ? inner : mask
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x
      if (!cmask[i]) continue
      const l = L[i],
        a = A[i],
        b = B[i]
      const [l0, l1, lf] = softIdx(l, L_C0, L_STEP, NB_L)
      const [a0, a1, af] = softIdx(a, AB_C0, AB_STEP, NB_A)
      const [b0, b1, bf] = softIdx(b, AB_C0, AB_STEP, NB_B)
      for (let p = 0; p < 2; p++) {
        const li = p ? l1 : l0,
          lw = p ? 1 - lf : lf
        if (lw === 0) continue
        for (let q = 0; q < 2; q++) {
          const ai = q ? a1 : a0,
            aw = q ? 1 - af : af
          if (aw === 0) continue
          for (let r = 0; r < 2; r++) {
            const bi = r ? b1 : b0,
              bwt = r ? 1 - bf : bf
            if (bwt === 0) continue
            out[off + (li * NB_A + ai) * NB_B + bi] += lw * aw * bwt
          }
        }
      }
      sL += l
      sA += a
      sB += b
      qL += l * l
      qA += a * a
      qB += b * b
      c++
    }
  normBlock(out, R.colourHist[0], R.colourHist[1], true)
  c = Math.max(c, 1)
  const mL = sL / c,
    mA = sA / c,
    mB = sB / c
  const o = R.colourStats[0]
  out[o] = mL / 100
  out[o + 1] = mA / 100
  out[o + 2] = mB / 100
  out[o + 3] = Math.sqrt(Math.max(0, qL / c - mL * mL)) / 100
  out[o + 4] = Math.sqrt(Math.max(0, qA / c - mA * mA)) / 100
  out[o + 5] = Math.sqrt(Math.max(0, qB / c - mB * mB)) / 100
}

function productCanvas({ w, L, A, B, seg }: Photo): Canvas {
  const { mask, x0, y0, x1, y1 } = seg
  const bw = x1 - x0 + 1,
    bh = y1 - y0 + 1
  const S = CANVAS
  const side = Math.max(bw, bh)
  const scale = side / S // source px per canvas px
  const offX = x0 - (side - bw) / 2,
    offY = y0 - (side - bh) / 2
  const cm = new Float32Array(S * S),
    cl = new Float32Array(S * S),
    ca = new Float32Array(S * S),
    cb = new Float32Array(S * S)
  let meanL = 0,
    meanA = 0,
    meanB = 0,
    cnt = 0
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x
      if (mask[i]) {
        meanL += L[i]
        meanA += A[i]
        meanB += B[i]
        cnt++
      }
    }
  meanL = cnt ? meanL / cnt : 50
  meanA = cnt ? meanA / cnt : 0
  meanB = cnt ? meanB / cnt : 0
  const mval = (x: number, y: number) => {
    if (x < x0 || y < y0 || x > x1 || y > y1) return 0
    return mask[y * w + x]
  }
  for (let cy = 0; cy < S; cy++)
    for (let cx = 0; cx < S; cx++) {
      const sx = offX + (cx + 0.5) * scale - 0.5,
        sy = offY + (cy + 0.5) * scale - 0.5
      const ix = Math.floor(sx),
        iy = Math.floor(sy),
        fx = sx - ix,
        fy = sy - iy
      let m = 0,
        l = 0,
        a = 0,
        b = 0
      for (let dy = 0; dy <= 1; dy++)
        for (let dx = 0; dx <= 1; dx++) {
          const xx = ix + dx,
            yy = iy + dy
          const wgt = (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy)
          const mv = mval(xx, yy)
          m += wgt * mv
          l += wgt * (mv ? L[yy * w + xx] : meanL)
          a += wgt * (mv ? A[yy * w + xx] : meanA)
          b += wgt * (mv ? B[yy * w + xx] : meanB)
        }
      cm[cy * S + cx] = m
      cl[cy * S + cx] = l
      ca[cy * S + cx] = a
      cb[cy * S + cx] = b
    }
  return { mask: cm, L: cl, A: ca, B: cb, meanL, meanA, meanB }
}

/** Shape: the mask on a square grid of the canvas (area average), on a grid stretched over the box, row/column profiles, scalars. */
function shapeFeatures(
  { w, h, seg }: Photo,
  { mask: cm }: Canvas,
  out: Float32Array
) {
  const { mask, x0, y0, x1, y1 } = seg
  const bw = x1 - x0 + 1,
    bh = y1 - y0 + 1
  const S = CANVAS
  const R = BLOCK_RANGES
  const g = 10,
    o = R.maskSquare[0]
  const cell = S / g
  for (let cy = 0; cy < S; cy++)
    for (let cx = 0; cx < S; cx++) {
      const gx = Math.min(g - 1, Math.floor(cx / cell)),
        gy = Math.min(g - 1, Math.floor(cy / cell))
      out[o + gy * g + gx] += cm[cy * S + cx]
    }
  const counts = new Float32Array(g * g)
  for (let cy = 0; cy < S; cy++)
    for (let cx = 0; cx < S; cx++) {
      counts[
        Math.min(g - 1, Math.floor(cy / cell)) * g +
          Math.min(g - 1, Math.floor(cx / cell))
      ]++
    }
  for (let k = 0; k < g * g; k++) out[o + k] /= counts[k]

  const g2 = 6,
    o2 = R.maskStretch[0]
  const cnt2 = new Float32Array(g2 * g2)
  const rows = new Float32Array(12),
    cols = new Float32Array(12)
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const u = (x - x0) / bw,
        v = (y - y0) / bh
      const k = Math.floor(v * g2) * g2 + Math.floor(u * g2)
      cnt2[k]++
      if (mask[y * w + x]) {
        out[o2 + k]++
        rows[Math.floor(v * 12)]++
        cols[Math.floor(u * 12)]++
      }
    }
  for (let k = 0; k < g2 * g2; k++)
    out[o2 + k] = cnt2[k] ? out[o2 + k] / cnt2[k] : 0
  const op = R.profiles[0]
  const rowPx = bw * (bh / 12),
    colPx = bh * (bw / 12)
  for (let k = 0; k < 12; k++) {
    out[op + k] = rows[k] / Math.max(1, rowPx)
    out[op + 12 + k] = cols[k] / Math.max(1, colPx)
  }
  const os = R.shapeScalars[0]
  out[os] = Math.log(bw / bh) / 2
  out[os + 1] = seg.area / (bw * bh)
  out[os + 2] = (x0 === 0 ? 0.5 : 0) + (x1 === w - 1 ? 0.5 : 0)
  out[os + 3] = (y0 === 0 ? 0.5 : 0) + (y1 === h - 1 ? 0.5 : 0)
}

/** HOG of the silhouette, and of the inner lightness (only where the product is; backdrop flattened to its mean L) at two cell sizes. */
function hogFeatures({ mask: cm, L: cl }: Canvas, out: Float32Array) {
  const S = CANVAS
  const R = BLOCK_RANGES
  const silhouette = new Float32Array(S * S)
  for (let i = 0; i < S * S; i++) silhouette[i] = cm[i] * 100
  hog(silhouette, null, S, 4, out, R.hogShape[0])
  normBlock(out, R.hogShape[0], R.hogShape[1], true)
  hog(cl, cm, S, 4, out, R.hogInner[0])
  normBlock(out, R.hogInner[0], R.hogInner[1], true)
  hog(cl, cm, S, 8, out, R.hogInnerFine[0])
  normBlock(out, R.hogInnerFine[0], R.hogInnerFine[1], true)
}

/** Fabric: rotation-invariant uniform LBP (P = 8) at radius 1 and 2, inside the product. */
function fabricFeatures({ mask: cm, L: cl }: Canvas, out: Float32Array) {
  const S = CANVAS
  for (const [k, r] of [
    [0, 1],
    [1, 2],
  ] as const) {
    const o = BLOCK_RANGES.lbp[0] + k * 10
    const dx = [1, 1, 0, -1, -1, -1, 0, 1].map((v) => v * r),
      dy = [0, -1, -1, -1, 0, 1, 1, 1].map((v) => v * r)
    for (let y = r; y < S - r; y++)
      for (let x = r; x < S - r; x++) {
        const i = y * S + x
        if (cm[i] < 0.99) continue
        const c = cl[i] + LBP_EPS
        let ones = 0,
          flips = 0,
          prev = cl[i + dy[7] * S + dx[7]] > c ? 1 : 0
        for (let p = 0; p < 8; p++) {
          const bit = cl[i + dy[p] * S + dx[p]] > c ? 1 : 0
          ones += bit
          if (bit !== prev) flips++
          prev = bit
        }
        out[o + (flips <= 2 ? ones : 9)]++
      }
    normBlock(out, o, o + 10, true)
  }
}

/** Colour layout: mean Lab of the product per cell of a 4×4 grid (the product's mean where a cell is empty). */
function colourLayoutFeatures(
  { mask: cm, L: cl, A: ca, B: cb, meanL, meanA, meanB }: Canvas,
  out: Float32Array
) {
  const S = CANVAS
  const g = 4,
    o = BLOCK_RANGES.colourLayout[0],
    cell = S / g
  const sums = new Float32Array(g * g * 4)
  for (let cy = 0; cy < S; cy++)
    for (let cx = 0; cx < S; cx++) {
      const i = cy * S + cx,
        m = cm[i]
      if (m <= 0) continue
      const k = (Math.floor(cy / cell) * g + Math.floor(cx / cell)) * 4
      sums[k] += m * cl[i]
      sums[k + 1] += m * ca[i]
      sums[k + 2] += m * cb[i]
      sums[k + 3] += m
    }
  for (let k = 0; k < g * g; k++) {
    const wsum = sums[k * 4 + 3]
    out[o + k * 3] = (wsum > 1 ? sums[k * 4] / wsum : meanL) / 100
    out[o + k * 3 + 1] = (wsum > 1 ? sums[k * 4 + 1] / wsum : meanA) / 100
    out[o + k * 3 + 2] = (wsum > 1 ? sums[k * 4 + 2] / wsum : meanB) / 100
  }
}

/** Texture: histogram of gradient magnitude inside the product (canvas scale). */
function textureFeatures({ mask: cm, L: cl }: Canvas, out: Float32Array) {
  const S = CANVAS
  const o = BLOCK_RANGES.texture[0]
  const edges = [2, 5, 10, 20, 40]
  let tot = 0
  for (let y = 1; y < S - 1; y++)
    for (let x = 1; x < S - 1; x++) {
      const i = y * S + x
      if (
        cm[i] < 0.99 ||
        cm[i - 1] < 0.99 ||
        cm[i + 1] < 0.99 ||
        cm[i - S] < 0.99 ||
        cm[i + S] < 0.99
      )
        continue
      const gx = cl[i + 1] - cl[i - 1],
        gy = cl[i + S] - cl[i - S]
      const m = Math.sqrt(gx * gx + gy * gy)
      let b = 0
      while (b < edges.length && m >= edges[b]) b++
      out[o + b]++
      tot++
    }
  if (tot > 0)
    for (let k = 0; k < 6; k++) out[o + k] = Math.sqrt(out[o + k] / tot)
}
