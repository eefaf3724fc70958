import { FRAME } from "./frame"

/** Sampling a frame: bilinear windows, normalised views and their memo (what registration and the decision share). */

/** Where B sits in A: a window of A (in A's pixels), possibly mirrored. */
export type Window = {
  x0: number
  y0: number
  w: number
  h: number
  mirror: boolean
}

/**
 * Bilinear samples of the window [x0,x0+w]×[y0,y0+h] of an S×S channel
 * (stride `step`, offset `ch`) on an n×n grid, each averaged over ss×ss
 * sub-samples so that shrinking does not alias.
 */
export function sample(
  src: ArrayLike<number>,
  S: number,
  r: Window,
  n: number,
  out: Float32Array,
  ss = 1,
  step = 1,
  ch = 0
): Float32Array {
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
      const v =
        (src[p] * (1 - fx) + src[p + step] * fx) * (1 - fy) +
        (src[p + S * step] * (1 - fx) + src[p + (S + 1) * step] * fx) * fy
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
export function sampleFast(
  src: ArrayLike<number>,
  S: number,
  r: Window,
  n: number,
  out: Float32Array
): Float32Array {
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
      out[o + c] =
        (src[p] + (src[p + 1] - src[p]) * fx) * gy +
        (src[p + S] + (src[p + S + 1] - src[p + S]) * fx) * fy
    }
  }
  return out
}

export function normalize(v: Float32Array): Float32Array {
  let m = 0
  for (let i = 0; i < v.length; i++) m += v[i]
  m /= v.length
  let s = 0
  for (let i = 0; i < v.length; i++) {
    v[i] -= m
    s += v[i] * v[i]
  }
  s = Math.sqrt(s) || 1
  for (let i = 0; i < v.length; i++) v[i] /= s
  return v
}

export function dot(a: Float32Array, b: Float32Array) {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * b[i]
  return s
}

/** Each pixel minus the mean of its 3×3 neighbourhood: the fine detail. */
export function highpass(v: Float32Array, n: number): Float32Array {
  const o = new Float32Array(v.length)
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      let s = 0
      let c = 0
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy
          const xx = x + dx
          if (yy >= 0 && yy < n && xx >= 0 && xx < n) {
            s += v[yy * n + xx]
            c++
          }
        }
      o[y * n + x] = v[y * n + x] - s / c
    }
  return o
}

export const FULL: Window = { x0: 0, y0: 0, w: FRAME, h: FRAME, mirror: false }

/*
 * What a photo contributes to a comparison does not depend on the other photo:
 * its normalised samples on the full frame, the first-look windows, the coarse
 * grid, the high-passed detail targets. A search compares each candidate with
 * every product already shown, so these are memoised per frame (bounded, least
 * recently used first out). Memoising changes no decision, only the time.
 */
class Memo<V> {
  private readonly m = new Map<object, Map<string, V>>()
  constructor(private readonly max: number) {}
  get(owner: object, key: string, make: () => V): V {
    let views = this.m.get(owner)
    if (views) {
      this.m.delete(owner)
      this.m.set(owner, views)
    } else {
      if (this.m.size >= this.max) this.m.delete(this.m.keys().next().value!)
      this.m.set(owner, (views = new Map()))
    }
    let v = views.get(key)
    if (v === undefined) views.set(key, (v = make()))
    return v
  }
}
export const views = new Memo<Float32Array>(4096)
export const grids = new Memo<Float32Array>(96)

/** The normalised n×n samples of a window of a grey frame, memoised when `key` names the window. */
export const viewOf = (src: Uint8Array, key: string, r: Window, n: number) =>
  views.get(src, key, () =>
    normalize(sample(src, FRAME, r, n, new Float32Array(n * n)))
  )
