import { COLOUR_FRAME, FRAME, inkOf, type Frame } from "./frame"
import { register, refine } from "./registration"
import {
  dot,
  FULL,
  highpass,
  normalize,
  sample,
  viewOf,
  views,
  type Window,
} from "./sampling"

/**
 * Is one photo a near copy of another — the same shot re-uploaded, resized,
 * recompressed, cropped, mirrored, slightly re-coloured or watermarked?
 *
 * Each photo keeps a small "frame" (frame.ts): the whole picture as 64×64 grey and
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

/** Mean ΔE between A's window and B over 8×8 cells where either shows something other than white (and that no mask hides). */
function colourDifference(
  A: Frame,
  B: Frame,
  r: Window,
  mask: Uint8Array | null = null
): number {
  const n = 8
  const k = COLOUR_FRAME / FRAME
  const rw = {
    x0: r.x0 * k,
    y0: r.y0 * k,
    w: r.w * k,
    h: r.h * k,
    mirror: r.mirror,
  }
  const full = { x0: 0, y0: 0, w: COLOUR_FRAME, h: COLOUR_FRAME, mirror: false }
  const a = [0, 1, 2].map((c) =>
    sample(A.lab, COLOUR_FRAME, rw, n, new Float32Array(n * n), 3, 3, c)
  )
  const b = [0, 1, 2].map((c) =>
    views.get(B.lab, `lab${c}`, () =>
      sample(B.lab, COLOUR_FRAME, full, n, new Float32Array(n * n), 3, 3, c)
    )
  )
  let sum = 0
  let cells = 0
  for (let i = 0; i < n * n; i++) {
    if (mask && mask[blockOf(i % n, Math.floor(i / n), n)]) continue
    const La = a[0][i] / 2.55,
      aa = a[1][i] - 128,
      ba = a[2][i] - 128
    const Lb = b[0][i] / 2.55,
      ab = b[1][i] - 128,
      bb = b[2][i] - 128
    const ink = Math.max(inkOf(La, aa, ba), inkOf(Lb, ab, bb))
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
const RING = Array.from({ length: BLOCKS * BLOCKS }, (_, k) => k).filter(
  (k) => {
    const x = k % BLOCKS,
      y = Math.floor(k / BLOCKS)
    return Math.min(x, y, BLOCKS - 1 - x, BLOCKS - 1 - y) < BLOCKS / 4
  }
)
const blockOf = (x: number, y: number, n: number) =>
  Math.floor((y * BLOCKS) / n) * BLOCKS + Math.floor((x * BLOCKS) / n)

/**
 * The blocks to leave out of two unmoved photos' n×n detail views: ring blocks
 * that disagree far more than the average block, where the disagreement is
 * one photo's extra detail (B = A + S: B's detail exceeds A's by about |S|²,
 * the disagreement; two different products disagree by about the sum of
 * their details); null when none. A tie shot like another tie, its tail
 * where the other has backdrop, looks stamped on too: the stricter bar on
 * what is left (`maskedFine`) keeps the two apart.
 */
function occlusionMask(
  a: Float32Array,
  b: Float32Array,
  n: number
): Uint8Array | null {
  const err = new Float64Array(BLOCKS * BLOCKS)
  const ea = new Float64Array(BLOCKS * BLOCKS)
  const eb = new Float64Array(BLOCKS * BLOCKS)
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const i = y * n + x,
        k = blockOf(x, y, n),
        d = a[i] - b[i]
      err[k] += d * d
      ea[k] += a[i] * a[i]
      eb[k] += b[i] * b[i]
    }
  const mean = err.reduce((s, e) => s + e, 0) / err.length
  const worst = RING.slice()
    .sort((p, q) => err[q] - err[p])
    .slice(0, NEAR_COPY_THRESHOLDS.maskedBlocks)
  let mask: Uint8Array | null = null
  for (const k of worst) {
    if (err[k] <= NEAR_COPY_THRESHOLDS.occlusion * Math.max(mean, 1e-6)) break
    if (Math.abs(ea[k] - eb[k]) >= NEAR_COPY_THRESHOLDS.stamped * err[k])
      (mask ??= new Uint8Array(BLOCKS * BLOCKS))[k] = 1
  }
  return mask
}

/** The correlation of two normalised n×n views over the pixels outside the mask (re-normalised there). */
function maskedCorrelation(
  a: Float32Array,
  b: Float32Array,
  n: number,
  mask: Uint8Array | null
): number {
  if (!mask) return dot(a, b)
  let sa = 0,
    sb = 0,
    c = 0
  for (let i = 0; i < a.length; i++)
    if (!mask[blockOf(i % n, Math.floor(i / n), n)]) {
      sa += a[i]
      sb += b[i]
      c++
    }
  const ma = sa / c,
    mb = sb / c
  let ab = 0,
    aa = 0,
    bb = 0
  for (let i = 0; i < a.length; i++)
    if (!mask[blockOf(i % n, Math.floor(i / n), n)]) {
      const x = a[i] - ma,
        y = b[i] - mb
      ab += x * y
      aa += x * x
      bb += y * y
    }
  return ab / (Math.sqrt(aa * bb) || 1)
}

/** The final tests' figures at one alignment (`masked`: ring blocks left out as a stamped badge). */
export type NearCopyMeasures = {
  detail: number
  fine: number
  colour: number
  masked: number
}
/** Every figure of a pair: the gates', the final tests' at the registered alignment, and theirs at the identity. */
/** `ink`: ΔE between the mean garment colours (see `inkOf`); `glance`: the first look's best 8×8 correlation. */
export type NearCopyScore = {
  ink: number
  glance: number
  coarse: number
  coarseColour: number
  ncc: number
  identity: NearCopyMeasures
} & NearCopyMeasures

export const NEAR_COPY_THRESHOLDS = {
  /** "ink": mean garment colours (cells that are not backdrop, see `inkOf`) further apart than this (ΔE): different products, nothing else computed */
  ink: 12,
  /** "glance": the first look (best 8×8 correlation over a few windows, `firstLook`) below this: different products */
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
  [1, 0.5, 0.5],
  [0.92, 0.5, 0.5],
  [0.84, 0.5, 0.5],
  [0.76, 0.5, 0.5],
  ...[
    [0, 0],
    [0.5, 0],
    [1, 0],
    [0, 0.5],
    [1, 0.5],
    [0, 1],
    [0.5, 1],
    [1, 1],
  ].map(([x, y]) => [0.88, x, y] as [number, number, number]),
]

/**
 * A cheap first look (8×8, the GLANCE windows, both ways, mirror allowed):
 * most pairs of different products already fail here. The off-centre windows
 * let a crop taken from a corner or an edge through (centred windows alone
 * stopped about one in ten of those).
 */
function firstLook(A: Uint8Array, B: Uint8Array): number {
  const n = 8
  const tA = viewOf(A, "full8", FULL, n)
  const tB = viewOf(B, "full8", FULL, n)
  let best = -2
  for (const [s, fx, fy] of GLANCE)
    for (const mirror of [false, true]) {
      const r = {
        x0: FRAME * (1 - s) * fx,
        y0: FRAME * (1 - s) * fy,
        w: FRAME * s,
        h: FRAME * s,
        mirror,
      }
      const key = `glance${s},${fx},${fy}${mirror ? "m" : ""}`
      best = Math.max(
        best,
        dot(viewOf(A, key, r, n), tB),
        dot(viewOf(B, key, r, n), tA)
      )
    }
  return best
}

/** Mean Lab colour of the non-white cells: barely moved by a crop, a mirror or a watermark. */
const garmentColours = new WeakMap<Frame, [number, number, number]>()
function garmentColour(f: Frame): [number, number, number] {
  let c = garmentColours.get(f)
  if (!c) {
    let L = 0,
      a = 0,
      b = 0,
      n = 0
    for (let i = 0; i < f.lab.length; i += 3) {
      const l = f.lab[i] / 2.55,
        aa = f.lab[i + 1] - 128,
        bb = f.lab[i + 2] - 128
      if (inkOf(l, aa, bb) < 8) continue
      L += l
      a += aa
      b += bb
      n++
    }
    c = n ? [L / n, a / n, b / n] : [100, 0, 0]
    garmentColours.set(f, c)
  }
  return c
}

/** ΔE between the mean garment colours of two photos (the cheapest test of all). */
export function inkDifference(A: Frame, B: Frame): number {
  const a = garmentColour(A),
    b = garmentColour(B)
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
  const quick = firstLook(A.grey, B.grey)
  if (quick < glanceMin) return null
  return {
    ink,
    glance: quick,
    identity: measuresAt(A, B, FULL),
    registered: (coarseMin: number, coarseColourMax: number) =>
      registered(A, B, coarseMin, coarseColourMax),
  }
}

/** The window of one photo that best matches the other, with the tests taken there; `null` when the coarse gates rule it out. */
function registered(
  A: Frame,
  B: Frame,
  coarseMin: number,
  coarseColourMax: number
) {
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
  if (
    first.other.score >=
    first.score - NEAR_COPY_THRESHOLDS.otherOrientation
  ) {
    const alt = refine(P.grey, Q.grey, first.other.r)
    if (alt.score > score) ({ r, score } = alt)
  }
  return {
    coarse: first.score,
    coarseColour,
    ncc: score,
    at: measuresAt(P, Q, r),
  }
}

/** The tests taken at one alignment of P's window r onto all of Q, each computed when first asked for. */
type Measures = {
  detail: () => number
  fine: () => number
  colour: () => number
  masked: () => number
}
function measuresAt(P: Frame, Q: Frame, r: Window): Measures {
  const detailViews = new Map<number, [Float32Array, Float32Array]>()
  const viewsAt = (m: number) => {
    let v = detailViews.get(m)
    if (!v) {
      const detailOf = (g: Uint8Array) =>
        views.get(g, `detail${m}`, () =>
          normalize(
            highpass(sample(g, FRAME, FULL, m, new Float32Array(m * m), 3), m)
          )
        )
      // at the identity both sides are the photos' own (memoised) detail views
      const reg =
        r === FULL
          ? detailOf(P.grey)
          : normalize(
              highpass(
                sample(P.grey, FRAME, r, m, new Float32Array(m * m), 3),
                m
              )
            )
      const tgt = detailOf(Q.grey)
      detailViews.set(m, (v = [reg, tgt]))
    }
    return v
  }
  let mask: Uint8Array | null | undefined
  // only an unmoved copy may have a badge left out (the mask comes from the finest comparison, where a
  // badge stands out most): at a registered crop, leaving out a ring block let template shots through
  // (the same model and pose, another garment: they differ most at the head or the feet)
  const maskOf = () =>
    mask === undefined
      ? (mask = r === FULL ? occlusionMask(...viewsAt(32), 32) : null)
      : mask
  const detailAt = (m: number) => maskedCorrelation(...viewsAt(m), m, maskOf())
  return {
    detail: () => detailAt(24),
    fine: () => detailAt(32),
    colour: () => colourDifference(P, Q, r, maskOf()),
    masked: () =>
      (maskOf() ?? new Uint8Array(0)).reduce(
        (s: number, x: number) => s + x,
        0
      ),
  }
}

/** The final tests at one alignment, cheapest first, stopping at the first miss. */
const passes = (m: Measures | null, t: typeof NEAR_COPY_THRESHOLDS) =>
  !!m &&
  m.colour() <= t.colourDeltaE &&
  m.detail() >= t.detail &&
  m.fine() >= (m.masked() ? t.maskedFine : t.fine)

const measured = (m: Measures) => ({
  detail: m.detail(),
  fine: m.fine(),
  colour: m.colour(),
  masked: m.masked(),
})

/**
 * Every figure of a pair (calibration): `null` when the mean-colour or first-look
 * gate rules it out, else the final tests at the identity and at the
 * registered alignment (computed whatever the coarse gates would say).
 */
export function nearCopyScore(
  A: Frame,
  B: Frame,
  glanceMin = NEAR_COPY_THRESHOLDS.glance,
  inkMax = NEAR_COPY_THRESHOLDS.ink
): NearCopyScore | null {
  const a = align(A, B, glanceMin, inkMax)
  const reg = a?.registered(-2, Infinity)
  if (!a || !reg) return null
  return {
    ink: a.ink,
    glance: a.glance,
    coarse: reg.coarse,
    coarseColour: reg.coarseColour,
    ncc: reg.ncc,
    ...measured(reg.at),
    identity: measured(a.identity),
  }
}

/** The decision: the cheap gates, then the final tests at the identity or, failing that, at the registered alignment. */
export function isNearCopy(
  A: Frame,
  B: Frame,
  t = NEAR_COPY_THRESHOLDS
): boolean {
  const a = align(A, B, t.glance, t.ink)
  return (
    !!a &&
    (passes(a.identity, t) ||
      passes(a.registered(t.coarse, t.coarseColour)?.at ?? null, t))
  )
}
