import sharp from "sharp"
import { MAX_INPUT_PIXELS, rgbToLab } from "../images"

/**
 * Is one photo a near copy of another — the same shot re-uploaded, resized,
 * recompressed, cropped, mirrored, slightly re-coloured or watermarked?
 *
 * Each photo keeps a small "frame": the whole picture as 64×64 grey and
 * 24×24 Lab colour. Two frames are compared by *registration*: find the
 * crop/scale/mirror that maps one onto the other (coarse grid, then hill
 * climbing), then ask two questions at that alignment:
 *  - detail: do the fine edges agree? (correlation of high-passed grey) —
 *    a different garment shot on the same template has the same silhouette
 *    but not the same seams, prints and folds;
 *  - colour: is the garment the same colour? (mean ΔE over non-white cells) —
 *    the same cap in red and in black has identical edges.
 * Thresholds are calibrated by `npm run calibrate:duplicates`.
 */

export const FRAME = 64
export const COLOUR_FRAME = 24

export type Frame = { grey: Uint8Array; lab: Uint8Array }

/** The stored form: base64 of 64×64 grey then 24×24×3 Lab (L×2.55, a+128, b+128). */
export async function frameOf(buf: Buffer): Promise<string> {
  const img = () => sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().flatten({ background: "#ffffff" })
  const grey = await img().greyscale().resize(FRAME, FRAME, { fit: "fill" }).raw().toBuffer()
  const rgb = await img().removeAlpha().resize(COLOUR_FRAME, COLOUR_FRAME, { fit: "fill" }).raw().toBuffer()
  const lab = Buffer.alloc(COLOUR_FRAME * COLOUR_FRAME * 3)
  for (let i = 0; i < COLOUR_FRAME * COLOUR_FRAME; i++) {
    const [L, a, b] = rgbToLab(rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2])
    lab[i * 3] = clampByte(L * 2.55)
    lab[i * 3 + 1] = clampByte(a + 128)
    lab[i * 3 + 2] = clampByte(b + 128)
  }
  return Buffer.concat([grey, lab]).toString("base64")
}

const clampByte = (v: number) => Math.max(0, Math.min(255, Math.round(v)))

export function parseFrame(b64: string | null | undefined): Frame | null {
  if (!b64) return null
  const raw = Buffer.from(b64, "base64")
  if (raw.length !== FRAME * FRAME + COLOUR_FRAME * COLOUR_FRAME * 3) return null
  return { grey: new Uint8Array(raw.subarray(0, FRAME * FRAME)), lab: onWhite(new Uint8Array(raw.subarray(FRAME * FRAME))) }
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
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (x === 0 || y === 0 || x === n - 1 || y === n - 1) ring.push((y * n + x) * 3)
  const median = (c: number) => ring.map((i) => lab[i + c]).sort((p, q) => p - q)[ring.length >> 1]
  const L = median(0) / 2.55, a = median(1) - 128, b = median(2) - 128
  if (100 - L + Math.hypot(a, b) < BACKDROP.white) return lab
  if (L < BACKDROP.minL || Math.hypot(a, b) > BACKDROP.maxChroma) return lab
  const even = ring.filter((i) => Math.hypot(lab[i] / 2.55 - L, lab[i + 1] - 128 - a, lab[i + 2] - 128 - b) <= BACKDROP.spread).length
  if (even < ring.length * BACKDROP.evenShare) return lab
  const out = new Uint8Array(lab.length)
  for (let i = 0; i < lab.length; i += 3) {
    const l = lab[i] / 2.55
    const k = l / L
    out[i] = clampByte(Math.min(100, l / L * 100) * 2.55)
    out[i + 1] = clampByte(lab[i + 1] - a * k)
    out[i + 2] = clampByte(lab[i + 2] - b * k)
  }
  return out
}

/** When a frame's border counts as a backdrop to map back to white (`onWhite`). */
const BACKDROP = {
  /** "ink" (100 − L + chroma) of the border's median below this: white already */
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

/** Where B sits in A: a window of A (in A's pixels), possibly mirrored. */
type Window = { x0: number; y0: number; w: number; h: number; mirror: boolean }

/**
 * Bilinear samples of the window [x0,x0+w]×[y0,y0+h] of an S×S channel
 * (stride `step`, offset `ch`) on an n×n grid, each averaged over ss×ss
 * sub-samples so that shrinking does not alias.
 */
function sample(src: ArrayLike<number>, S: number, r: Window, n: number, out: Float32Array, ss = 1, step = 1, ch = 0): Float32Array {
  if (ss === 1 && step === 1) return sampleFast(src, S, r, n, out)
  const N = n * ss
  out.fill(0)
  for (let j = 0; j < N; j++) {
    const y = r.y0 + ((j + 0.5) * r.h) / N - 0.5
    const yi = Math.max(0, Math.min(S - 2, Math.floor(y)))
    const fy = Math.min(1, Math.max(0, y - yi))
    const row = Math.floor(j / ss) * n
    for (let i = 0; i < N; i++) {
      const x = r.x0 + ((i + 0.5) * r.w) / N - 0.5
      const xi = Math.max(0, Math.min(S - 2, Math.floor(x)))
      const fx = Math.min(1, Math.max(0, x - xi))
      const p = (yi * S + xi) * step + ch
      const v = (src[p] * (1 - fx) + src[p + step] * fx) * (1 - fy) + (src[p + S * step] * (1 - fx) + src[p + (S + 1) * step] * fx) * fy
      const col = Math.floor(i / ss)
      out[row + (r.mirror ? n - 1 - col : col)] += v
    }
  }
  if (ss > 1) for (let k = 0; k < out.length; k++) out[k] /= ss * ss
  return out
}

const xi_ = new Int32Array(64)
const fx_ = new Float32Array(64)
/** `sample` for one grey channel without sub-samples: the hot loop of registration. */
function sampleFast(src: ArrayLike<number>, S: number, r: Window, n: number, out: Float32Array): Float32Array {
  for (let i = 0; i < n; i++) {
    const x = r.x0 + ((i + 0.5) * r.w) / n - 0.5
    const xi = Math.max(0, Math.min(S - 2, Math.floor(x)))
    const col = r.mirror ? n - 1 - i : i
    xi_[col] = xi
    fx_[col] = Math.min(1, Math.max(0, x - xi))
  }
  for (let j = 0; j < n; j++) {
    const y = r.y0 + ((j + 0.5) * r.h) / n - 0.5
    const yi = Math.max(0, Math.min(S - 2, Math.floor(y)))
    const fy = Math.min(1, Math.max(0, y - yi))
    const gy = 1 - fy
    const base = yi * S
    const o = j * n
    for (let c = 0; c < n; c++) {
      const p = base + xi_[c]
      const fx = fx_[c]
      out[o + c] = (src[p] + (src[p + 1] - src[p]) * fx) * gy + (src[p + S] + (src[p + S + 1] - src[p + S]) * fx) * fy
    }
  }
  return out
}

function normalize(v: Float32Array): Float32Array {
  let m = 0
  for (let i = 0; i < v.length; i++) m += v[i]
  m /= v.length
  let s = 0
  for (let i = 0; i < v.length; i++) { v[i] -= m; s += v[i] * v[i] }
  s = Math.sqrt(s) || 1
  for (let i = 0; i < v.length; i++) v[i] /= s
  return v
}

function dot(a: Float32Array, b: Float32Array) {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * b[i]
  return s
}

/** Each pixel minus the mean of its 3×3 neighbourhood: the fine detail. */
function highpass(v: Float32Array, n: number): Float32Array {
  const o = new Float32Array(v.length)
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    let s = 0
    let c = 0
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const yy = y + dy
      const xx = x + dx
      if (yy >= 0 && yy < n && xx >= 0 && xx < n) { s += v[yy * n + xx]; c++ }
    }
    o[y * n + x] = v[y * n + x] - s / c
  }
  return o
}

const FULL: Window = { x0: 0, y0: 0, w: FRAME, h: FRAME, mirror: false }
/** Window sides tried by the coarse search, as a share of the frame: crops up to about a quarter. */
const SCALES = [1, 0.94, 0.88, 0.82, 0.76]
/** Where a cropped window may sit, as a share of the slack on each axis. */
const OFFSETS = [0, 0.25, 0.5, 0.75, 1]

/*
 * What a photo contributes to a comparison does not depend on the other photo:
 * its normalised samples on the full frame, the glance windows, the coarse
 * grid, the high-passed detail targets. A search compares each candidate with
 * every product already shown, so these are memoised per frame (bounded, least
 * recently used first out). Memoising changes no decision, only the time.
 */
class Memo<V> {
  private readonly m = new Map<object, Map<string, V>>()
  constructor(private readonly max: number) {}
  get(owner: object, key: string, make: () => V): V {
    let views = this.m.get(owner)
    if (views) { this.m.delete(owner); this.m.set(owner, views) } else {
      if (this.m.size >= this.max) this.m.delete(this.m.keys().next().value!)
      this.m.set(owner, (views = new Map()))
    }
    let v = views.get(key)
    if (v === undefined) views.set(key, (v = make()))
    return v
  }
}
const views = new Memo<Float32Array>(4096)
const grids = new Memo<Float32Array>(96)

/** The normalised n×n samples of a window of a grey frame, memoised when `key` names the window. */
const viewOf = (src: Uint8Array, key: string, r: Window, n: number) => views.get(src, key, () => normalize(sample(src, FRAME, r, n, new Float32Array(n * n))))

/** The coarse grid of windows: every scale pair and offset, in search order (each is also tried mirrored). */
const GRID: Window[] = (() => {
  const out: Window[] = []
  for (const sx of SCALES) for (const sy of SCALES) {
    const w = FRAME * sx
    const h = FRAME * sy
    for (const fx of sx === 1 ? [0] : OFFSETS) for (const fy of sy === 1 ? [0] : OFFSETS) {
      out.push({ x0: (FRAME - w) * fx, y0: (FRAME - h) * fy, w, h, mirror: false })
    }
  }
  return out
})()

/** An n×n view with its columns reversed: a mirrored window's samples are its plain samples read right to left. */
function mirrored(v: Float32Array, n: number): Float32Array {
  const o = new Float32Array(v.length)
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) o[y * n + x] = v[y * n + n - 1 - x]
  return o
}

/** A registration: the best window, and the best one of the other orientation (mirrored or not). */
type Registered = { r: Window; score: number; other: { r: Window; score: number } }

/**
 * The window of A that best matches all of B, by grey correlation, over
 * every window of the grid both plain and mirrored. Deciding the mirror first
 * (on the whole frame) went wrong for nearly symmetric garments, whose
 * mirrored whole frame correlates almost as well: a crop of such a photo was
 * then registered mirrored, and not recognised.
 */
function register(A: Uint8Array, B: Uint8Array): Registered {
  const n = 8
  const target = viewOf(B, "full8", FULL, n)
  const flipped = views.get(B, "full8flip", () => mirrored(target, n))
  const grid = grids.get(A, "grid8", () => {
    const g = new Float32Array(GRID.length * n * n)
    const buf = new Float32Array(n * n)
    GRID.forEach((r, i) => g.set(normalize(sample(A, FRAME, r, n, buf)), i * n * n))
    return g
  })
  let plain = { r: FULL, score: -2 }
  let mirror = { r: FULL, score: -2 }
  for (let i = 0; i < GRID.length; i++) {
    let s = 0
    let m = 0
    const o = i * n * n
    for (let j = 0; j < n * n; j++) {
      s += grid[o + j] * target[j]
      m += grid[o + j] * flipped[j]
    }
    if (s > plain.score) plain = { r: GRID[i], score: s }
    if (m > mirror.score) mirror = { r: { ...GRID[i], mirror: true }, score: m }
  }
  return mirror.score > plain.score ? { ...mirror, other: plain } : { ...plain, other: mirror }
}

/**
 * The correlation of a window of a grey frame, sampled n×n, with a normalised
 * target: `dot(normalize(sample(…)), target)` in one pass (the target has zero
 * mean and unit length, so the window's mean and length can be taken after).
 */
function correlate(src: Uint8Array, r: Window, n: number, target: Float32Array, buf: Float32Array, targetSum: number): number {
  sampleFast(src, FRAME, r, n, buf)
  let s = 0, s2 = 0, st = 0
  for (let i = 0; i < buf.length; i++) {
    const v = buf[i]
    s += v
    s2 += v * v
    st += v * target[i]
  }
  const m = s / buf.length
  const len = Math.sqrt(Math.max(0, s2 - s * m)) || 1
  return (st - m * targetSum) / len
}

/**
 * Hill-climbing moves per unit step, as [Δx0, Δy0, Δw, Δh]: shift, and grow or
 * shrink about the centre along one axis or both. Growing about the corner
 * (the old moves) also shifted the centre, so a window whose size was off
 * stalled with its position off too.
 */
const MOVES: [number, number, number, number][] = [
  [-1, 0, 0, 0], [1, 0, 0, 0], [0, -1, 0, 0], [0, 1, 0, 0],
  [-0.5, 0, 1, 0], [0.5, 0, -1, 0], [0, -0.5, 0, 1], [0, 0.5, 0, -1],
  [-0.5, -0.5, 1, 1], [0.5, 0.5, -1, -1],
]

/** Hill climbing from the coarse window, at 32×32, in ever smaller steps; each window is scored once. */
function refine(A: Uint8Array, B: Uint8Array, start: Window): { r: Window; score: number } {
  const n = 32
  const target = viewOf(B, "full32", FULL, n)
  let targetSum = 0
  for (let i = 0; i < target.length; i++) targetSum += target[i]
  const buf = new Float32Array(n * n)
  const seen = new Map<string, number>()
  const at = (r: Window) => {
    const key = `${r.x0},${r.y0},${r.w},${r.h}`
    let s = seen.get(key)
    if (s === undefined) seen.set(key, (s = correlate(A, r, n, target, buf, targetSum)))
    return s
  }
  let r = start
  let score = at(r)
  for (const step of [4, 2, 1, 0.5, 0.25]) {
    for (let improved = true; improved; ) {
      improved = false
      for (const [dx, dy, dw, dh] of MOVES) {
        const c: Window = { x0: r.x0 + dx * step, y0: r.y0 + dy * step, w: r.w + dw * step, h: r.h + dh * step, mirror: r.mirror }
        const s = at(c)
        if (s > score + 1e-5) { r = c; score = s; improved = true }
      }
    }
  }
  return { r, score }
}

/** Mean ΔE between A's window and B over 8×8 cells where either shows something other than white (and that no mask hides). */
function colourDifference(A: Frame, B: Frame, r: Window, mask: Uint8Array | null = null): number {
  const n = 8
  const k = COLOUR_FRAME / FRAME
  const rw = { x0: r.x0 * k, y0: r.y0 * k, w: r.w * k, h: r.h * k, mirror: r.mirror }
  const full = { x0: 0, y0: 0, w: COLOUR_FRAME, h: COLOUR_FRAME, mirror: false }
  const a = [0, 1, 2].map((c) => sample(A.lab, COLOUR_FRAME, rw, n, new Float32Array(n * n), 3, 3, c))
  const b = [0, 1, 2].map((c) => views.get(B.lab, `lab${c}`, () => sample(B.lab, COLOUR_FRAME, full, n, new Float32Array(n * n), 3, 3, c)))
  let sum = 0
  let cells = 0
  for (let i = 0; i < n * n; i++) {
    if (mask && mask[blockOf(i % n, Math.floor(i / n), n)]) continue
    const La = a[0][i] / 2.55, aa = a[1][i] - 128, ba = a[2][i] - 128
    const Lb = b[0][i] / 2.55, ab = b[1][i] - 128, bb = b[2][i] - 128
    const ink = Math.max(100 - La + Math.hypot(aa, ba), 100 - Lb + Math.hypot(ab, bb))
    if (ink < 8) continue
    sum += Math.hypot(La - Lb, aa - ab, ba - bb)
    cells++
  }
  return cells ? sum / cells : 0
}

/**
 * A shop's badge or logo stamped in a corner (an opaque box with text) is the
 * strongest detail in the photo: it alone pulled a copy's fine-detail
 * correlation from ~0.99 to ~0.5, and it shifts the garment colour too. So at
 * the identity alignment the comparison grid is cut into BLOCKS×BLOCKS blocks,
 * and blocks of the two outer rings where one photo looks stamped on are left
 * out of the detail and colour tests (up to an eighth of the frame), under a
 * stricter fine-detail bar for what is left. Only the outer rings: a different
 * print on the same model and pose (the look-alike a looser rule merges)
 * differs in the middle of the frame.
 */
const BLOCKS = 8
/** Blocks of the outer ring (where badges and corner marks sit), as indices into the BLOCKS×BLOCKS grid. */
const RING = Array.from({ length: BLOCKS * BLOCKS }, (_, k) => k).filter((k) => {
  const x = k % BLOCKS, y = Math.floor(k / BLOCKS)
  return Math.min(x, y, BLOCKS - 1 - x, BLOCKS - 1 - y) < BLOCKS / 4
})
const blockOf = (x: number, y: number, n: number) => Math.floor((y * BLOCKS) / n) * BLOCKS + Math.floor((x * BLOCKS) / n)

/**
 * The blocks to leave out of two unmoved photos' n×n detail views: ring blocks
 * that disagree far more than the average block, where the disagreement is
 * one photo's extra detail (B = A + S: B's detail exceeds A's by about |S|²,
 * the disagreement; two different products disagree by about the sum of
 * their details); null when none. A tie shot like another tie, its tail
 * where the other has backdrop, looks stamped on too: the stricter bar on
 * what is left (`maskedFine`) keeps the two apart.
 */
function occlusionMask(a: Float32Array, b: Float32Array, n: number): Uint8Array | null {
  const err = new Float64Array(BLOCKS * BLOCKS)
  const ea = new Float64Array(BLOCKS * BLOCKS)
  const eb = new Float64Array(BLOCKS * BLOCKS)
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    const i = y * n + x, k = blockOf(x, y, n), d = a[i] - b[i]
    err[k] += d * d
    ea[k] += a[i] * a[i]
    eb[k] += b[i] * b[i]
  }
  const mean = err.reduce((s, e) => s + e, 0) / err.length
  const worst = RING.slice().sort((p, q) => err[q] - err[p]).slice(0, NEAR_COPY_THRESHOLDS.maskedBlocks)
  let mask: Uint8Array | null = null
  for (const k of worst) {
    if (err[k] <= NEAR_COPY_THRESHOLDS.occlusion * Math.max(mean, 1e-6)) break
    if (Math.abs(ea[k] - eb[k]) >= NEAR_COPY_THRESHOLDS.stamped * err[k]) (mask ??= new Uint8Array(BLOCKS * BLOCKS))[k] = 1
  }
  return mask
}

/** The correlation of two normalised n×n views over the pixels outside the mask (re-normalised there). */
function maskedCorrelation(a: Float32Array, b: Float32Array, n: number, mask: Uint8Array | null): number {
  if (!mask) return dot(a, b)
  let sa = 0, sb = 0, c = 0
  for (let i = 0; i < a.length; i++) if (!mask[blockOf(i % n, Math.floor(i / n), n)]) { sa += a[i]; sb += b[i]; c++ }
  const ma = sa / c, mb = sb / c
  let ab = 0, aa = 0, bb = 0
  for (let i = 0; i < a.length; i++) if (!mask[blockOf(i % n, Math.floor(i / n), n)]) {
    const x = a[i] - ma, y = b[i] - mb
    ab += x * y; aa += x * x; bb += y * y
  }
  return ab / (Math.sqrt(aa * bb) || 1)
}

/** The final tests' figures at one alignment (`masked`: ring blocks left out as a stamped badge). */
export type NearCopyMeasures = { detail: number; fine: number; colour: number; masked: number }
/** Every figure of a pair: the gates', the final tests' at the registered alignment, and theirs at the identity. */
export type NearCopyScore = { ink: number; glance: number; coarse: number; coarseColour: number; ncc: number; identity: NearCopyMeasures } & NearCopyMeasures

export const NEAR_COPY_THRESHOLDS = {
  /** mean garment colours further apart than this (ΔE): different products, nothing else computed */
  ink: 12,
  /** the 8×8 first look below this: different products */
  glance: 0.6,
  /** coarse alignment below this: not worth refining */
  coarse: 0.8,
  /**
   * mean ΔE of the garment's colour at the *coarse* alignment above this: not
   * worth refining either (the final colour test, at the refined alignment, is
   * `colourDeltaE`; the coarse window sits up to a pixel or two off, so this
   * bar is looser). Rules out about half the pairs that used to be refined.
   */
  coarseColour: 12,
  /**
   * the best window of the other orientation (mirrored or not) within this of
   * the best coarse score: refined too, and the better alignment kept
   */
  otherOrientation: 0.02,
  /** correlation of the high-passed grey at the best alignment, at 24×24… */
  detail: 0.85,
  /** …and at 32×32, where prints and seams of template shots differ */
  fine: 0.92,
  /** mean ΔE of the garment's colour at the best alignment */
  colourDeltaE: 8,
  /** at the identity, a ring block is left out when its detail error exceeds this many times the average block's… */
  occlusion: 6,
  /** …at most this many blocks (of 64)… */
  maskedBlocks: 8,
  /** …and only where one photo's extra detail makes up at least this share of the error… */
  stamped: 0.8,
  /** …and then what is left must agree more closely: the fine-detail bar with blocks left out */
  maskedFine: 0.94,
}

/**
 * The first look's windows as [side, x offset, y offset] (offsets as a share of
 * the slack): centred at four sizes, and a 0.88 crop at each corner and edge.
 */
const GLANCE: [number, number, number][] = [
  [1, 0.5, 0.5], [0.92, 0.5, 0.5], [0.84, 0.5, 0.5], [0.76, 0.5, 0.5],
  ...[[0, 0], [0.5, 0], [1, 0], [0, 0.5], [1, 0.5], [0, 1], [0.5, 1], [1, 1]].map(([x, y]) => [0.88, x, y] as [number, number, number]),
]

/**
 * A cheap first look (8×8, the GLANCE windows, both ways, mirror allowed):
 * most pairs of different products already fail here. The off-centre windows
 * let a crop taken from a corner or an edge through (centred windows alone
 * stopped about one in ten of those).
 */
function glance(A: Uint8Array, B: Uint8Array): number {
  const n = 8
  const tA = viewOf(A, "full8", FULL, n)
  const tB = viewOf(B, "full8", FULL, n)
  let best = -2
  for (const [s, fx, fy] of GLANCE) for (const mirror of [false, true]) {
    const r = { x0: FRAME * (1 - s) * fx, y0: FRAME * (1 - s) * fy, w: FRAME * s, h: FRAME * s, mirror }
    const key = `glance${s},${fx},${fy}${mirror ? "m" : ""}`
    best = Math.max(best, dot(viewOf(A, key, r, n), tB), dot(viewOf(B, key, r, n), tA))
  }
  return best
}

/** Mean Lab colour of the non-white cells: barely moved by a crop, a mirror or a watermark. */
const inkCache = new WeakMap<Frame, [number, number, number]>()
function inkColour(f: Frame): [number, number, number] {
  let c = inkCache.get(f)
  if (!c) {
    let L = 0, a = 0, b = 0, n = 0
    for (let i = 0; i < f.lab.length; i += 3) {
      const l = f.lab[i] / 2.55, aa = f.lab[i + 1] - 128, bb = f.lab[i + 2] - 128
      if (100 - l + Math.hypot(aa, bb) < 8) continue
      L += l; a += aa; b += bb; n++
    }
    c = n ? [L / n, a / n, b / n] : [100, 0, 0]
    inkCache.set(f, c)
  }
  return c
}

/** ΔE between the mean garment colours of two photos (the cheapest test of all). */
export function inkDifference(A: Frame, B: Frame): number {
  const a = inkColour(A), b = inkColour(B)
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
}

/**
 * The two photos through the cheapest gates (mean garment colour, the first
 * look), then, on demand, their final tests at the identity alignment and
 * their registration onto each other; `null` when a cheap gate already rules
 * the pair out. An unmoved copy (re-upload, recompression, re-colour, a
 * stamped badge) passes at the identity: a badge on a plain white background
 * can pull the registration to a wrong crop, and can push the coarse gates
 * past their bars.
 */
function align(A: Frame, B: Frame, glanceMin: number, inkMax: number) {
  const ink = inkDifference(A, B)
  if (ink > inkMax) return null
  const quick = glance(A.grey, B.grey)
  if (quick < glanceMin) return null
  return { ink, glance: quick, identity: measuresAt(A, B, FULL), registered: (coarseMin: number, coarseColourMax: number) => registered(A, B, coarseMin, coarseColourMax) }
}

/** The window of one photo that best matches the other, with the tests taken there; `null` when the coarse gates rule it out. */
function registered(A: Frame, B: Frame, coarseMin: number, coarseColourMax: number) {
  // either may be the crop of the other
  const ab = register(A.grey, B.grey)
  const ba = register(B.grey, A.grey)
  const [first, P, Q] = ab.score >= ba.score ? [ab, A, B] : [ba, B, A]
  if (first.score < coarseMin) return null
  const coarseColour = colourDifference(P, Q, first.r)
  if (coarseColour > coarseColourMax) return null
  let { r, score } = refine(P.grey, Q.grey, first.r)
  // a nearly symmetric garment matches almost as well mirrored, and the coarse grid
  // may favour the wrong orientation: then climb from the other one too
  if (first.other.score >= first.score - NEAR_COPY_THRESHOLDS.otherOrientation) {
    const alt = refine(P.grey, Q.grey, first.other.r)
    if (alt.score > score) ({ r, score } = alt)
  }
  return { coarse: first.score, coarseColour, ncc: score, at: measuresAt(P, Q, r) }
}

/** The tests taken at one alignment of P's window r onto all of Q, each computed when first asked for. */
type Measures = { detail: () => number; fine: () => number; colour: () => number; masked: () => number }
function measuresAt(P: Frame, Q: Frame, r: Window): Measures {
  const detailViews = new Map<number, [Float32Array, Float32Array]>()
  const viewsAt = (m: number) => {
    let v = detailViews.get(m)
    if (!v) {
      const detailOf = (g: Uint8Array) => views.get(g, `detail${m}`, () => normalize(highpass(sample(g, FRAME, FULL, m, new Float32Array(m * m), 3), m)))
      // at the identity both sides are the photos' own (memoised) detail views
      const reg = r === FULL ? detailOf(P.grey) : normalize(highpass(sample(P.grey, FRAME, r, m, new Float32Array(m * m), 3), m))
      const tgt = detailOf(Q.grey)
      detailViews.set(m, (v = [reg, tgt]))
    }
    return v
  }
  let mask: Uint8Array | null | undefined
  // only an unmoved copy may have a badge left out (the mask comes from the finest comparison, where a
  // badge stands out most): at a registered crop, leaving out a ring block let template shots through
  // (the same model and pose, another garment: they differ most at the head or the feet)
  const maskOf = () => (mask === undefined ? (mask = r === FULL ? occlusionMask(...viewsAt(32), 32) : null) : mask)
  const detailAt = (m: number) => maskedCorrelation(...viewsAt(m), m, maskOf())
  return {
    detail: () => detailAt(24),
    fine: () => detailAt(32),
    colour: () => colourDifference(P, Q, r, maskOf()),
    masked: () => (maskOf() ?? new Uint8Array(0)).reduce((s: number, x: number) => s + x, 0),
  }
}

/** The final tests at one alignment, cheapest first, stopping at the first miss. */
const passes = (m: Measures | null, t: typeof NEAR_COPY_THRESHOLDS) =>
  !!m && m.colour() <= t.colourDeltaE && m.detail() >= t.detail && m.fine() >= (m.masked() ? t.maskedFine : t.fine)

const measured = (m: Measures) => ({ detail: m.detail(), fine: m.fine(), colour: m.colour(), masked: m.masked() })

/**
 * Every figure of a pair (calibration): `null` when the mean-colour or first-look
 * gate rules it out, else the final tests at the identity and at the
 * registered alignment (computed whatever the coarse gates would say).
 */
export function nearCopyScore(A: Frame, B: Frame, glanceMin = NEAR_COPY_THRESHOLDS.glance, inkMax = NEAR_COPY_THRESHOLDS.ink): NearCopyScore | null {
  const a = align(A, B, glanceMin, inkMax)
  const reg = a?.registered(-2, Infinity)
  if (!a || !reg) return null
  return { ink: a.ink, glance: a.glance, coarse: reg.coarse, coarseColour: reg.coarseColour, ncc: reg.ncc, ...measured(reg.at), identity: measured(a.identity) }
}

/** The decision: the cheap gates, then the final tests at the identity or, failing that, at the registered alignment. */
export function isNearCopy(A: Frame, B: Frame, t = NEAR_COPY_THRESHOLDS): boolean {
  const a = align(A, B, t.glance, t.ink)
  return !!a && (passes(a.identity, t) || passes(a.registered(t.coarse, t.coarseColour)?.at ?? null, t))
}
