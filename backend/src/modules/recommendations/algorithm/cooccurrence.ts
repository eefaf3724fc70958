import { Matrix } from "ml-matrix"

export type Neighbours = Record<string, [string, number][]>
export type TrainedModel = {
  neighbours: Neighbours
  popularity: Record<string, number>
  stats: { shoppers: number; items: number; trained_at: string }
}

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
  { lambda = 1, topK = 30 }: { lambda?: number; topK?: number } = {}
): TrainedModel {
  const items = [...new Set(baskets.flat())].sort()
  const index = new Map(items.map((id, i) => [id, i]))
  const sets = baskets.map((b) => [...new Set(b)]).filter((b) => b.length)
  const neighbours: Neighbours = {}
  const popularity: Record<string, number> = {}
  if (!items.length)
    return {
      neighbours,
      popularity,
      stats: {
        shoppers: sets.length,
        items: 0,
        trained_at: new Date().toISOString(),
      },
    }
  const X = Matrix.zeros(sets.length, items.length)
  sets.forEach((b, u) => b.forEach((id) => X.set(u, index.get(id)!, 1)))
  const C = X.transpose().mmul(X)
  for (let i = 0; i < items.length; i++) {
    popularity[items[i]] = C.get(i, i)
    const row: [string, number][] = []
    for (let j = 0; j < items.length; j++) {
      if (i === j) continue
      const c = C.get(i, j)
      if (c <= 0) continue
      row.push([items[j], c / (Math.sqrt(C.get(i, i) * C.get(j, j)) + lambda)])
    }
    row.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    if (row.length) neighbours[items[i]] = row.slice(0, topK)
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
