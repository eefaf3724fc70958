/**
 * Maximal marginal relevance: picks `k` items one by one, each maximising
 *   λ · relevance(i) − (1 − λ) · max_{s already picked} sim(i, s)
 * so that near-identical items do not fill the list. λ = 1 is plain ranking.
 * Ties keep the input order.
 */
export function mmr<T>(
  items: T[],
  relevance: (t: T) => number,
  sim: (a: T, b: T) => number,
  k: number,
  lambda = 0.7
): T[] {
  const left = [...items]
  const picked: T[] = []
  while (picked.length < k && left.length) {
    let best = 0
    let bestScore = -Infinity
    left.forEach((t, i) => {
      const redundancy = picked.length
        ? Math.max(...picked.map((p) => sim(t, p)))
        : 0
      const score = lambda * relevance(t) - (1 - lambda) * redundancy
      if (score > bestScore) {
        bestScore = score
        best = i
      }
    })
    picked.push(left.splice(best, 1)[0])
  }
  return picked
}
