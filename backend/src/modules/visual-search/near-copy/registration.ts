import { FRAME } from "./frame"
import {
  FULL,
  grids,
  normalize,
  sample,
  sampleFast,
  viewOf,
  views,
  type Window,
} from "./sampling"

/**
 * Registration: the crop/scale/mirror window of one frame that best matches
 * the whole of another, by grey correlation on a coarse grid (8×8), then hill
 * climbing (32×32).
 */

/** Window sides tried by the coarse search, as a share of the frame: crops up to about a quarter. */
const SCALES = [1, 0.94, 0.88, 0.82, 0.76]
/** Where a cropped window may sit, as a share of the slack on each axis. */
const OFFSETS = [0, 0.25, 0.5, 0.75, 1]

/** The coarse grid of windows: every scale pair and offset, in search order (each is also tried mirrored). */
const GRID: Window[] = (() => {
  const out: Window[] = []
  for (const sx of SCALES)
    for (const sy of SCALES) {
      const w = FRAME * sx
      const h = FRAME * sy
      for (const fx of sx === 1 ? [0] : OFFSETS)
        for (const fy of sy === 1 ? [0] : OFFSETS) {
          out.push({
            x0: (FRAME - w) * fx,
            y0: (FRAME - h) * fy,
            w,
            h,
            mirror: false,
          })
        }
    }
  return out
})()

/** An n×n view with its columns reversed: a mirrored window's samples are its plain samples read right to left. */
function mirrored(v: Float32Array, n: number): Float32Array {
  const o = new Float32Array(v.length)
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) o[y * n + x] = v[y * n + n - 1 - x]
  return o
}

/** A registration: the best window, and the best one of the other orientation (mirrored or not). */
export type Registered = {
  r: Window
  score: number
  other: { r: Window; score: number }
}

/**
 * The window of A that best matches all of B, by grey correlation, over
 * every window of the grid both plain and mirrored. Deciding the mirror first
 * (on the whole frame) went wrong for nearly symmetric garments, whose
 * mirrored whole frame correlates almost as well: a crop of such a photo was
 * then registered mirrored, and not recognised.
 */
export function register(A: Uint8Array, B: Uint8Array): Registered {
  const n = 8
  const target = viewOf(B, "full8", FULL, n)
  const flipped = views.get(B, "full8flip", () => mirrored(target, n))
  const grid = grids.get(A, "grid8", () => {
    const g = new Float32Array(GRID.length * n * n)
    const buf = new Float32Array(n * n)
    GRID.forEach((r, i) =>
      g.set(normalize(sample(A, FRAME, r, n, buf)), i * n * n)
    )
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
  return mirror.score > plain.score
    ? { ...mirror, other: plain }
    : { ...plain, other: mirror }
}

/**
 * The correlation of a window of a grey frame, sampled n×n, with a normalised
 * target: `dot(normalize(sample(…)), target)` in one pass (the target has zero
 * mean and unit length, so the window's mean and length can be taken after).
 */
function correlate(
  src: Uint8Array,
  r: Window,
  n: number,
  target: Float32Array,
  buf: Float32Array,
  targetSum: number
): number {
  sampleFast(src, FRAME, r, n, buf)
  let s = 0,
    s2 = 0,
    st = 0
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
  [-1, 0, 0, 0],
  [1, 0, 0, 0],
  [0, -1, 0, 0],
  [0, 1, 0, 0],
  [-0.5, 0, 1, 0],
  [0.5, 0, -1, 0],
  [0, -0.5, 0, 1],
  [0, 0.5, 0, -1],
  [-0.5, -0.5, 1, 1],
  [0.5, 0.5, -1, -1],
]

/** Hill climbing from the coarse window, at 32×32, in ever smaller steps; each window is scored once. */
export function refine(
  A: Uint8Array,
  B: Uint8Array,
  start: Window
): { r: Window; score: number } {
  const n = 32
  const target = viewOf(B, "full32", FULL, n)
  let targetSum = 0
  for (let i = 0; i < target.length; i++) targetSum += target[i]
  const buf = new Float32Array(n * n)
  const seen = new Map<string, number>()
  const at = (r: Window) => {
    const key = `${r.x0},${r.y0},${r.w},${r.h}`
    let s = seen.get(key)
    if (s === undefined)
      seen.set(key, (s = correlate(A, r, n, target, buf, targetSum)))
    return s
  }
  let r = start
  let score = at(r)
  for (const step of [4, 2, 1, 0.5, 0.25]) {
    for (let improved = true; improved;) {
      improved = false
      for (const [dx, dy, dw, dh] of MOVES) {
        const c: Window = {
          x0: r.x0 + dx * step,
          y0: r.y0 + dy * step,
          w: r.w + dw * step,
          h: r.h + dh * step,
          mirror: r.mirror,
        }
        const s = at(c)
        if (s > score + 1e-5) {
          r = c
          score = s
          improved = true
        }
      }
    }
  }
  return { r, score }
}
