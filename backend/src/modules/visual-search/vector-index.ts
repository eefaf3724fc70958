import type { IndexedImage } from "./types"

/** What the index needs of an entry: its id, its product and its unit-length vector. */
export type Indexable = { id: string; product_id: string; vector: Float32Array }

/**
 * The in-memory nearest-neighbour index of one backend process. Exact cosine
 * search over a packed Float32Array while small; an HNSW graph (usearch) above
 * `hnswThreshold` vectors. Vectors are unit length, so cosine = dot product.
 * Entries are the module's indexed images, or anything with an id, a product
 * and a vector (the near-copy worker keeps its own copy of the index).
 */
export class VectorIndex<T extends Indexable = IndexedImage> {
  private images = new Map<string, T>()
  private packed: { ids: string[]; matrix: Float32Array; dims: number } | null =
    null
  private hnsw: { index: any; keys: string[]; dirty: boolean } | null = null

  constructor(private readonly hnswThreshold = 20000) {}

  /** Goes up whenever an image is added, replaced or removed. */
  version = 0

  get size() {
    return this.images.size
  }

  /** Every indexed image. */
  all(): IterableIterator<T> {
    return this.images.values()
  }

  get mode(): "exact" | "hnsw" {
    return this.images.size > this.hnswThreshold ? "hnsw" : "exact"
  }

  /** Nothing to write leaves the packed matrix and the graph as they are: a sync that found no change costs no repack. */
  upsert(images: T[]) {
    if (!images.length) return
    for (const img of images) this.images.set(img.id, img)
    this.invalidate()
  }

  remove(ids: string[]) {
    let removed = false
    for (const id of ids) removed = this.images.delete(id) || removed
    if (removed) this.invalidate()
  }

  clear() {
    this.images.clear()
    this.invalidate()
  }

  get(id: string) {
    return this.images.get(id)
  }

  /** Every product with at least one indexed image. */
  productIds(): Set<string> {
    const out = new Set<string>()
    for (const img of this.images.values()) out.add(img.product_id)
    return out
  }

  byProduct(productId: string) {
    return [...this.images.values()].filter((i) => i.product_id === productId)
  }

  private invalidate() {
    this.version++
    this.packed = null
    if (this.hnsw) this.hnsw.dirty = true
  }

  private pack() {
    if (this.packed) return this.packed
    const ids = [...this.images.keys()]
    const dims = ids.length ? this.images.get(ids[0])!.vector.length : 0
    const matrix = new Float32Array(ids.length * dims)
    ids.forEach((id, r) => matrix.set(this.images.get(id)!.vector, r * dims))
    this.packed = { ids, matrix, dims }
    return this.packed
  }

  /** Top-k images by cosine similarity. */
  search(query: Float32Array, k: number): { image: T; score: number }[] {
    if (!this.images.size) return []
    if (this.mode === "hnsw") return this.searchHnsw(query, k)
    return this.searchExact(query, k)
  }

  /**
   * Every vector scored, the k best returned. usearch's exact search scans the
   * packed matrix with SIMD on the calling thread (10k × 512 dimensions in
   * ~1 ms, where the plain loop below takes ~5 ms and more on a busy core);
   * the loop remains for a platform where the native addon does not load.
   */
  searchExact(query: Float32Array, k: number): { image: T; score: number }[] {
    const { ids, matrix, dims } = this.pack()
    if (query.length !== dims)
      throw new Error(`query has ${query.length} dimensions, the index ${dims}`)
    const count = Math.min(k, ids.length)
    const native = loadUsearch()
    if (native) {
      const res = native.exactSearch(
        matrix,
        query,
        dims,
        count,
        native.MetricKind.IP,
        1
      )
      const out: { image: T; score: number }[] = []
      for (let i = 0; i < res.keys.length; i++)
        out.push({
          image: this.images.get(ids[Number(res.keys[i])])!,
          score: 1 - res.distances[i],
        })
      return out
    }
    const scores = new Float32Array(ids.length)
    for (let r = 0; r < ids.length; r++) {
      let s = 0
      const o = r * dims
      for (let d = 0; d < dims; d++) s += matrix[o + d] * query[d]
      scores[r] = s
    }
    // partial selection: keep the k best in a small sorted buffer
    const top: number[] = []
    for (let r = 0; r < ids.length; r++) {
      if (top.length < count || scores[r] > scores[top[top.length - 1]]) {
        let i = Math.min(top.length, count - 1)
        if (top.length < count) top.push(r)
        else top[i] = r
        while (i > 0 && scores[top[i - 1]] < scores[r]) {
          top[i] = top[i - 1]
          i--
        }
        top[i] = r
      }
    }
    return top.map((r) => ({
      image: this.images.get(ids[r])!,
      score: scores[r],
    }))
  }

  private searchHnsw(
    query: Float32Array,
    k: number
  ): { image: T; score: number }[] {
    if (!this.hnsw || this.hnsw.dirty) {
      const native = loadUsearch()
      if (!native) return this.searchExact(query, k)
      const { Index, MetricKind } = native
      const { ids, matrix, dims } = this.pack()
      const index = new Index({
        dimensions: dims,
        metric: MetricKind.IP,
        connectivity: 16,
        expansion_add: 128,
        expansion_search: 96,
      })
      const keys = BigUint64Array.from(ids.map((_, i) => BigInt(i)))
      index.add(keys, matrix)
      this.hnsw = { index, keys: ids, dirty: false }
    }
    const res = this.hnsw.index.search(
      query,
      Math.min(k, this.hnsw.keys.length)
    )
    const out: { image: T; score: number }[] = []
    for (let i = 0; i < res.keys.length; i++) {
      const image = this.images.get(this.hnsw.keys[Number(res.keys[i])])
      if (image) out.push({ image, score: 1 - res.distances[i] })
    }
    return out
  }
}

let usearch: any | null | undefined
/** The usearch addon, or null (said once) where it cannot load: exact search then scans in JavaScript. */
function loadUsearch(): any | null {
  if (usearch === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      usearch = require("usearch")
    } catch (e: any) {
      usearch = null
      console.warn(
        `visual-search: the usearch addon did not load (${e?.message ?? e}); vector search scans in JavaScript and never uses HNSW`
      )
    }
  }
  return usearch
}
