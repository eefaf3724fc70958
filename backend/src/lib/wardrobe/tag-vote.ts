/**
 * Naming a photo's article type and colour from the catalogue's own labelled
 * photos, in an embedding space. Two voters, blended:
 *  - nearest class centre: each label's mean direction over the catalogue
 *    photos that carry it (robust when a label has few photos);
 *  - weighted kNN: the closest catalogue products, exp((s − s_best)/τ).
 * Both read only a sub-range of the vector: for the type, the embedder's
 * "kind" dimensions (no colour); for the colour, the dimensions after them.
 */
export type Labelled = {
  vector: Float32Array
  label: string
  product_id: string
}
export type Votes = Map<string, number>

export type VoteParams = {
  centreWeight: number
  centreTemperature: number
  knn: number
  knnTemperature: number
}

function sub(v: Float32Array, [a, b]: [number, number]) {
  const out = new Float32Array(b - a)
  let n = 0
  for (let i = a; i < b; i++) {
    out[i - a] = v[i]
    n += v[i] * v[i]
  }
  n = Math.sqrt(n) || 1
  for (let i = 0; i < out.length; i++) out[i] /= n
  return out
}
const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * b[i]
  return s
}

/** Label centres and per-photo sub-vectors, built once per index version. */
export class LabelSpace {
  readonly centres = new Map<string, Float32Array>()
  private readonly photos: {
    v: Float32Array
    label: string
    product_id: string
  }[]
  constructor(
    items: Labelled[],
    readonly range: [number, number]
  ) {
    this.photos = items.map((i) => ({
      v: sub(i.vector, range),
      label: i.label,
      product_id: i.product_id,
    }))
    const sums = new Map<string, Float32Array>()
    for (const p of this.photos) {
      const s = sums.get(p.label) ?? new Float32Array(p.v.length)
      for (let i = 0; i < s.length; i++) s[i] += p.v[i]
      sums.set(p.label, s)
    }
    for (const [label, s] of sums) {
      let n = 0
      for (const x of s) n += x * x
      n = Math.sqrt(n) || 1
      this.centres.set(
        label,
        s.map((x) => x / n)
      )
    }
  }

  /** Confidences per label (summing to 1). */
  vote(query: Float32Array, p: VoteParams): Votes {
    const q = sub(query, this.range)
    const out: Votes = new Map()
    if (p.centreWeight > 0) {
      const sims = [...this.centres].map(
        ([label, c]) => [label, dot(q, c)] as const
      )
      const best = Math.max(...sims.map(([, s]) => s))
      const w = sims.map(
        ([label, s]) =>
          [label, Math.exp((s - best) / p.centreTemperature)] as const
      )
      const total = w.reduce((a, [, x]) => a + x, 0)
      for (const [label, x] of w)
        out.set(label, (out.get(label) ?? 0) + (p.centreWeight * x) / total)
    }
    if (p.centreWeight < 1 && this.photos.length) {
      // one vote per product: its closest photo
      const best = new Map<string, { s: number; label: string }>()
      for (const ph of this.photos) {
        const s = dot(q, ph.v)
        const b = best.get(ph.product_id)
        if (!b || s > b.s) best.set(ph.product_id, { s, label: ph.label })
      }
      const near = [...best.values()].sort((a, b) => b.s - a.s).slice(0, p.knn)
      const top = near[0]?.s ?? 0
      const w = near.map(
        (n) => [n.label, Math.exp((n.s - top) / p.knnTemperature)] as const
      )
      const total = w.reduce((a, [, x]) => a + x, 0) || 1
      for (const [label, x] of w)
        out.set(
          label,
          (out.get(label) ?? 0) + ((1 - p.centreWeight) * x) / total
        )
    }
    return out
  }
}
