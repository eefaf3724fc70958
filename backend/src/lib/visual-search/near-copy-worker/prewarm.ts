import type { Frame } from "../../../modules/visual-search/near-copy"
import { VectorIndex } from "../../../modules/visual-search/vector-index"
import { NearCopyDecisions } from "./decisions"
import type { MirroredImage, PrewarmStatus } from "./messages"

/**
 * The background pass: a search's near-copy checks are between its candidates,
 * which lie close to the query and so, mostly, close to each other. The worker
 * keeps a copy of the index (each photo's vector and frame) and, whenever it
 * has no search to serve, decides each photo against its `neighbours` nearest
 * photos of other products, filling the decision cache the searches read.
 * Measured on the shared photos (`node bench/near-copy-pairs.mjs`): the 40 nearest
 * cover most of the pairs a search asks about. Work is done in slices of a few
 * milliseconds so a search's job waits at most one slice, and only once no
 * search has come for `quietMs`: under a steady stream of searches the pass
 * waits and the searches make their own checks, as without it. A changed
 * photo is queued again. The decisions are the same function of the same photos, so
 * nothing shown changes, only when the work is done.
 */
export class Prewarm {
  /** the worker's copy of the index: exact search only (its scan is the module's) */
  private readonly index = new VectorIndex<{
    id: string
    product_id: string
    vector: Float32Array
    frame: Frame
  }>(Infinity)
  private readonly queue = new Set<string>()
  private current: { key: string; next: string[] } | null = null
  private scheduled = false
  private searchedAt = -Infinity
  decided = 0

  /** `quietMs`: the pass waits until no search has come for this long, so it never competes with a stream of searches. */
  constructor(
    private readonly decisions: NearCopyDecisions,
    readonly neighbours: number,
    private readonly sliceMs = 4,
    private readonly quietMs = 200
  ) {}

  /** A search came: the pass steps aside for `quietMs`. */
  searched() {
    this.searchedAt = performance.now()
  }

  frame(key: string): Frame | undefined {
    return this.index.get(key)?.frame
  }

  apply(upsert: MirroredImage[], remove: string[]) {
    this.index.remove(remove)
    for (const key of remove) this.queue.delete(key)
    this.index.upsert(
      upsert.map((img) => ({
        id: img.key,
        product_id: img.product,
        vector: img.vector,
        frame: img.frame,
      }))
    )
    if (this.neighbours > 0) for (const img of upsert) this.queue.add(img.key)
    this.schedule()
  }

  status(): PrewarmStatus {
    const queued = this.queue.size + (this.current ? 1 : 0)
    return {
      neighbours: this.neighbours,
      images: this.index.size,
      queued,
      decided: this.decided,
      idle: queued === 0,
    }
  }

  private schedule() {
    if (this.scheduled || (!this.queue.size && !this.current)) return
    this.scheduled = true
    const wait = this.searchedAt + this.quietMs - performance.now()
    const go = () => {
      this.scheduled = false
      if (performance.now() - this.searchedAt >= this.quietMs)
        this.step(this.sliceMs)
      this.schedule()
    }
    if (wait > 0) setTimeout(go, wait)
    else setImmediate(go)
  }

  /** Works for about `budgetMs`: the next photo's nearest neighbours, then its undecided pairs with them. */
  step(budgetMs: number) {
    const end = performance.now() + budgetMs
    while (performance.now() < end) {
      if (!this.current) {
        const key = this.queue.values().next().value as string | undefined
        if (key === undefined) return
        this.queue.delete(key)
        if (this.index.get(key)) this.current = { key, next: this.nearest(key) }
        continue
      }
      const b = this.current.next.pop()
      if (b === undefined) {
        this.current = null
        continue
      }
      const x = this.index.get(this.current.key)
      const y = this.index.get(b)
      if (
        x &&
        y &&
        this.decisions.decide(
          { key: x.id, frame: x.frame },
          { key: y.id, frame: y.frame }
        )?.computed
      )
        this.decided++
    }
  }

  /** The keys of the `neighbours` nearest photos of other products, nearest last. */
  private nearest(key: string): string[] {
    const img = this.index.get(key)!
    let found: { image: { id: string; product_id: string } }[]
    try {
      // a few extra: the photo itself and its own product's other photos are skipped
      found = this.index.searchExact(img.vector, this.neighbours + 4)
    } catch {
      return [] // a vector of another length (the embedder changed): its own pass comes with the new vectors
    }
    return found
      .filter(
        (n) => n.image.id !== key && n.image.product_id !== img.product_id
      )
      .slice(0, this.neighbours)
      .map((n) => n.image.id)
      .reverse()
  }
}
