import { Matrix } from "ml-matrix"

export type Neighbours = Record<string, [string, number][]>
export type TrainedModel = {
  neighbours: Neighbours
  popularity: Record<string, number>
  stats: { shoppers: number; items: number; trained_at: string }
}
export type TrainOptions = {
  lambda?: number
  topK?: number
  /**
   * `dense` builds X and C = XᵀX with ml-matrix (O(items²) memory: fine for a
   * few thousand items), `sparse` counts pairs item by item through an inverted
   * index (O(items + interactions) memory). Both give the same model; `auto`
   * picks dense up to DENSE_LIMIT items.
   */
  method?: "auto" | "dense" | "sparse"
}
/** Above this many items the dense XᵀX (items² doubles) is not worth its memory. */
export const DENSE_LIMIT = 1500

const shrunk = (cij: number, ci: number, cj: number, lambda: number) =>
  cij / (Math.sqrt(ci * cj) + lambda)

/**
 * Item-item co-occurrence with shrinkage. `baskets` are the sets of products
 * each shopper interacted with positively. With X the binary shopper×item
 * matrix, C = XᵀX counts how many shoppers share two items (diagonal: how
 * many have each), and
 *
 *   sim(i, j) = C[i][j] / (sqrt(C[i][i] · C[j][j]) + λ)
 *
 * i.e. cosine similarity shrunk towards 0 when the counts are small (λ > 0).
 * Keeps the `topK` most similar items per item (sim > 0). Popularity is C[i][i].
 */
export function trainCooccurrence(
  baskets: string[][],
  { lambda = 1, topK = 30, method = "auto" }: TrainOptions = {}
): TrainedModel {
  const items = [...new Set(baskets.flat())].sort()
  const index = new Map(items.map((id, i) => [id, i]))
  const sets = baskets
    .map((b) => Int32Array.from(new Set(b.map((id) => index.get(id)!))))
    .filter((b) => b.length)
  const rows =
    method === "dense" || (method === "auto" && items.length <= DENSE_LIMIT)
      ? denseRows(sets, items.length, lambda)
      : sparseRows(sets, items.length, lambda)
  const neighbours: Neighbours = {}
  const popularity: Record<string, number> = {}
  for (let i = 0; i < items.length; i++) {
    const { pop, row } = rows(i, topK)
    popularity[items[i]] = pop
    const named = row.map(([j, s]) => [items[j], s] as [string, number])
    named.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    if (named.length) neighbours[items[i]] = named.slice(0, topK)
  }
  return {
    neighbours,
    popularity,
    stats: {
      shoppers: sets.length,
      items: items.length,
      trained_at: new Date().toISOString(),
    },
  }
}

type Rows = (
  i: number,
  topK: number
) => { pop: number; row: [number, number][] }

/** The pairs of (index, similarity) at or above the k-th largest similarity (ties kept; the caller orders and cuts). */
function topOf(
  idx: ArrayLike<number>,
  sims: Float64Array,
  t: number,
  topK: number
): [number, number][] {
  let kth = -Infinity
  if (t > topK && topK > 0) {
    // a min-heap of the k largest: O(t log k), no sort of the whole row
    const heap = new Float64Array(topK)
    let size = 0
    for (let k = 0; k < t; k++) {
      const v = sims[k]
      if (size < topK) {
        let c = size++
        heap[c] = v
        while (c > 0) {
          const p = (c - 1) >> 1
          if (heap[p] <= heap[c]) break
          ;[heap[p], heap[c]] = [heap[c], heap[p]]
          c = p
        }
      } else if (v > heap[0]) {
        heap[0] = v
        let c = 0
        for (;;) {
          const l = 2 * c + 1
          const r = l + 1
          let m = c
          if (l < topK && heap[l] < heap[m]) m = l
          if (r < topK && heap[r] < heap[m]) m = r
          if (m === c) break
          ;[heap[m], heap[c]] = [heap[c], heap[m]]
          c = m
        }
      }
    }
    kth = heap[0]
  }
  const row: [number, number][] = []
  for (let k = 0; k < t; k++) if (sims[k] >= kth) row.push([idx[k], sims[k]])
  return row
}

/** C = XᵀX on ml-matrix; row i of the similarity matrix on demand. */
function denseRows(sets: Int32Array[], n: number, lambda: number): Rows {
  if (!n) return () => ({ pop: 0, row: [] as [number, number][] })
  const X = Matrix.zeros(sets.length, n)
  sets.forEach((b, u) => b.forEach((i) => X.set(u, i, 1)))
  const C = X.transpose().mmul(X)
  const idx = new Int32Array(n)
  const sims = new Float64Array(n)
  return (i, topK) => {
    let t = 0
    for (let j = 0; j < n; j++) {
      const c = C.get(i, j)
      if (i !== j && c > 0) {
        idx[t] = j
        sims[t++] = shrunk(c, C.get(i, i), C.get(j, j), lambda)
      }
    }
    return { pop: C.get(i, i), row: topOf(idx, sims, t, topK) }
  }
}

/**
 * Row i of C without materialising C: for each shopper u who has i, every
 * other item j in u's basket gets +1. Work is Σ_u |basket_u|², memory one
 * counter array of length `n` plus the inverted index.
 */
function sparseRows(sets: Int32Array[], n: number, lambda: number): Rows {
  const pop = new Int32Array(n)
  for (const b of sets) for (const i of b) pop[i]++
  // CSR inverted index item → shoppers
  const start = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + pop[i]
  const fill = start.slice(0, n)
  const users = new Int32Array(start[n])
  sets.forEach((b, u) => b.forEach((i) => (users[fill[i]++] = u)))
  const counts = new Int32Array(n)
  const touched = new Int32Array(n)
  const sims = new Float64Array(n)
  return (i, topK) => {
    let t = 0
    for (let k = start[i]; k < start[i + 1]; k++)
      for (const j of sets[users[k]]) {
        if (j === i) continue
        if (counts[j] === 0) touched[t++] = j
        counts[j]++
      }
    for (let k = 0; k < t; k++) {
      const j = touched[k]
      sims[k] = shrunk(counts[j], pop[i], pop[j], lambda)
      counts[j] = 0
    }
    return { pop: pop[i], row: topOf(touched, sims, t, topK) }
  }
}
/** sim(i, j) from a trained model (0 when unknown). */
export function similarity(
  neighbours: Neighbours,
  i: string,
  j: string
): number {
  return neighbours[i]?.find(([id]) => id === j)?.[1] ?? 0
}

/**
 * Collaborative score of each candidate: Σ over seeds of weight(seed)·sim(seed, candidate).
 * Negative seed weights (dislikes) push similar items down.
 */
export function scoreFromSeeds(
  neighbours: Neighbours,
  seeds: Map<string, number>
): Map<string, number> {
  const out = new Map<string, number>()
  for (const [seed, w] of seeds) {
    for (const [j, s] of neighbours[seed] ?? [])
      out.set(j, (out.get(j) ?? 0) + w * s)
  }
  return out
}
