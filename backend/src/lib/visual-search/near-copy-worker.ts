import { isMainThread, parentPort, workerData } from "worker_threads"
import { isNearCopy, type Frame } from "../../modules/visual-search/near-copy"
import { VectorIndex } from "../../modules/visual-search/vector-index"
import { WorkerClient } from "../../modules/visual-search/workers/worker-client"

/*
 * Near-copy checks on the second core.
 *
 * A search's near-copy checks are pure CPU work (see near-copy.ts) while its
 * fresh price and stock reads are mostly the main thread's ORM work around
 * Postgres round trips. On one thread they add up; so while the main thread
 * reads offers, this worker walks the candidates that are expected to be shown
 * and makes the pair decisions that walk will ask for. The main thread then
 * finds them in its decision cache (duplicates.ts). The decisions are the
 * same function of the same two photos, so nothing shown changes: only where
 * and when the work is done.
 */

/** One photo as the worker needs it: its cache key (image row and perceptual hash) and its frame. */
export type AheadImage = { key: string; frame: Frame | null }
/** What the key of an indexed photo is made of (IndexedImage has these fields). */
export type MirrorSource = { id: string; product_id: string; phash: string | null; frame?: Frame | null; vector: Float32Array }
export const imageKey = (img: { id: string; phash: string | null }) => `${img.id}:${img.phash}`
/** An indexed photo as the background pass needs it (see Prewarm). */
export type MirroredImage = { key: string; product: string; frame: Frame; vector: Float32Array }
export type PrewarmStatus = { neighbours: number; images: number; queued: number; decided: number; idle: boolean }
type Job =
  | { kind: "search"; id: number; shown: AheadImage[][]; candidates: AheadImage[][]; want: number }
  | { kind: "images"; upsert: MirroredImage[]; remove: string[] }
  | { kind: "status"; id: number }
  | { kind: "searching" }
type Reply = { id: number; decisions?: [string, boolean][]; status?: PrewarmStatus; error?: string }

/**
 * How many nearest photos of each indexed photo the worker compares it with in
 * the background (CURATOR_NEAR_COPY_NEIGHBOURS, 0 = no background pass).
 */
export const PREWARM_NEIGHBOURS = Math.max(0, Math.floor(Number(process.env.CURATOR_NEAR_COPY_NEIGHBOURS ?? 40)))

export const pairKey = (ka: string, kb: string) => (ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`)

/**
 * Pair decisions already made, per process or per worker, bounded. A decision
 * is a pure function of two stored photos, so it is keyed by each photo's
 * image row and perceptual hash (a reindexed photo whose content changed gets
 * a new key).
 */
export class NearCopyDecisions {
  private readonly made = new Map<string, boolean>()
  constructor(private readonly max = 200_000) {}

  /** Whether two photos are near copies (false when either has no frame), from the cache when decided before. */
  decide(x: AheadImage, y: AheadImage): { key: string; copy: boolean; computed: boolean } | null {
    if (!x.frame || !y.frame) return null
    const key = pairKey(x.key, y.key)
    let copy = this.made.get(key)
    const computed = copy === undefined
    if (copy === undefined) this.remember(key, (copy = isNearCopy(x.frame, y.frame)))
    return { key, copy, computed }
  }

  remember(key: string, copy: boolean) {
    if (this.made.size >= this.max) this.made.clear()
    this.made.set(key, copy)
  }
}

/** The first of `shown` (each a product's photos) that `images` copies: each of its photos against each of theirs. */
export function firstCopied<T, S extends T[] | { images: T[] }>(shown: S[], images: T[], same: (x: T, y: T) => boolean): S | undefined {
  return shown.find((s) => images.some((x) => (Array.isArray(s) ? s : s.images).some((y) => same(x, y))))
}

/**
 * The walk of `ShownProducts`: each candidate, in order, against every product
 * shown so far (first shown first, each of its photos against each of theirs,
 * stopping at the first copy); a candidate that copies none is shown. Stops
 * once `want` candidates were shown.
 */
export function walkAhead<T>(shown: T[][], candidates: T[][], want: number, same: (x: T, y: T) => boolean): void {
  const list = [...shown]
  let added = 0
  for (const images of candidates) {
    if (added >= want) return
    if (!firstCopied(list, images, same)) { list.push(images); added++ }
  }
}

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
  private readonly index = new VectorIndex<{ id: string; product_id: string; vector: Float32Array; frame: Frame }>(Infinity)
  private readonly queue = new Set<string>()
  private current: { key: string; next: string[] } | null = null
  private scheduled = false
  private searchedAt = -Infinity
  decided = 0

  /** `quietMs`: the pass waits until no search has come for this long, so it never competes with a stream of searches. */
  constructor(private readonly decisions: NearCopyDecisions, readonly neighbours: number, private readonly sliceMs = 4, private readonly quietMs = 200) {}

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
    this.index.upsert(upsert.map((img) => ({ id: img.key, product_id: img.product, vector: img.vector, frame: img.frame })))
    if (this.neighbours > 0) for (const img of upsert) this.queue.add(img.key)
    this.schedule()
  }

  status(): PrewarmStatus {
    const queued = this.queue.size + (this.current ? 1 : 0)
    return { neighbours: this.neighbours, images: this.index.size, queued, decided: this.decided, idle: queued === 0 }
  }

  private schedule() {
    if (this.scheduled || (!this.queue.size && !this.current)) return
    this.scheduled = true
    const wait = this.searchedAt + this.quietMs - performance.now()
    const go = () => {
      this.scheduled = false
      if (performance.now() - this.searchedAt >= this.quietMs) this.step(this.sliceMs)
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
      if (b === undefined) { this.current = null; continue }
      const x = this.index.get(this.current.key)
      const y = this.index.get(b)
      if (x && y && this.decisions.decide({ key: x.id, frame: x.frame }, { key: y.id, frame: y.frame })?.computed) this.decided++
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
    return found.filter((n) => n.image.id !== key && n.image.product_id !== img.product_id).slice(0, this.neighbours).map((n) => n.image.id).reverse()
  }
}

// ---- the worker side: frames and decisions it has seen, bounded
if (!isMainThread && workerData?.nearCopyWorker) {
  const MAX_FRAMES = 8192
  const frames = new Map<string, Frame>()
  const neighbours = Number(workerData.neighbours ?? 0)
  // room for the background pass's decisions (about neighbours per photo) besides the searches'
  const decisions = new NearCopyDecisions(200_000 + 20_000 * neighbours)
  const prewarm = new Prewarm(decisions, neighbours)
  /** The same Frame object per key, so the per-frame memos of near-copy.ts are reused across searches. */
  const frameOf = (img: AheadImage): AheadImage => {
    const mirrored = prewarm.frame(img.key)
    if (mirrored) return { key: img.key, frame: mirrored }
    let f = frames.get(img.key)
    if (f) { frames.delete(img.key); frames.set(img.key, f) } else if (img.frame) {
      if (frames.size >= MAX_FRAMES) frames.delete(frames.keys().next().value!)
      frames.set(img.key, (f = img.frame))
    }
    return { key: img.key, frame: f ?? null }
  }
  parentPort!.on("message", (job: Job) => {
    if (job.kind === "images") return prewarm.apply(job.upsert, job.remove)
    if (job.kind === "status") return parentPort!.postMessage({ id: job.id, status: prewarm.status() } satisfies Reply)
    prewarm.searched()
    if (job.kind === "searching") return
    try {
      const made: [string, boolean][] = []
      walkAhead(job.shown.map((s) => s.map(frameOf)), job.candidates.map((c) => c.map(frameOf)), job.want, (x, y) => {
        const d = decisions.decide(x, y)
        if (d) made.push([d.key, d.copy])
        return !!d?.copy
      })
      parentPort!.postMessage({ id: job.id, decisions: made } satisfies Reply)
    } catch (e: any) {
      parentPort!.postMessage({ id: job.id, error: String(e?.stack ?? e) } satisfies Reply)
    }
  })
}

// ---- the main side
type Warn = (msg: string) => void

/**
 * The process's near-copy worker, started on first use. If it cannot start or
 * dies, `decide` answers nothing and searches make every decision themselves
 * (slower, same results); the reason is logged once.
 */
class NearCopyWorker {
  private readonly worker: WorkerClient<Job, Reply>
  /** what the worker's copy of the index holds: image row id → key */
  private readonly sent = new Map<string, string>()
  /** the keys of `sent` */
  private readonly held = new Set<string>()
  private mirrored = -1

  constructor(private readonly warn: Warn, private readonly neighbours = PREWARM_NEIGHBOURS) {
    this.worker = new WorkerClient(__filename, { nearCopyWorker: true, neighbours }, "near-copy worker", "near-copy checks now run in the search itself", warn)
  }

  /**
   * The decisions a walk over `candidates` after `shown` makes (every one it
   * looked up, cached or not). Photos the worker holds a copy of (mirror) go
   * by key alone: messages arrive in order, so it still holds them.
   */
  decide(shown: AheadImage[][], candidates: AheadImage[][], want: number): Promise<[string, boolean][]> {
    const light = (images: AheadImage[][]) => images.map((list) => list.map((i) => (this.held.has(i.key) ? { key: i.key, frame: null } : i)))
    return this.worker.ask((id) => ({ kind: "search", id, shown: light(shown), candidates: light(candidates), want })).then((m) => {
      if (m?.error) this.warn(`near-copy worker: a job failed, the search decides itself: ${m.error}`)
      return m?.decisions ?? []
    })
  }

  /**
   * Keeps the worker's copy of the index in step with this process's, for the
   * background pass (Prewarm): sends the photos added, changed or gone since
   * the last call. Costs nothing while `version` (the index's) is unchanged.
   */
  mirror(version: number, images: () => Iterable<MirrorSource>) {
    if (!this.neighbours || version === this.mirrored || this.worker.dead) return
    this.mirrored = version
    const seen = new Set<string>()
    const remove: string[] = []
    let upsert: MirroredImage[] = []
    for (const img of images()) {
      seen.add(img.id)
      const key = imageKey(img)
      const before = this.sent.get(img.id)
      if (before === key && img.frame) continue
      if (before) { this.held.delete(before); this.sent.delete(img.id); remove.push(before) }
      if (!img.frame) continue
      this.sent.set(img.id, key)
      this.held.add(key)
      upsert.push({ key, product: img.product_id, frame: img.frame, vector: img.vector })
      if (upsert.length === 500) { this.worker.post({ kind: "images", upsert, remove: [] }); upsert = [] }
    }
    for (const [id, key] of this.sent) if (!seen.has(id)) { remove.push(key); this.sent.delete(id); this.held.delete(key) }
    if (upsert.length || remove.length) this.worker.post({ kind: "images", upsert, remove })
  }

  /** A search has begun: the background pass steps aside now, not only once the search reaches the worker. */
  searching() {
    if (this.worker.running && this.neighbours) this.worker.post({ kind: "searching" })
  }

  /** How far the background pass has got (null when the worker is not running). */
  async status(): Promise<PrewarmStatus | null> {
    if (!this.worker.running) return null
    return (await this.worker.ask((id) => ({ kind: "status", id })))?.status ?? null
  }

  close() {
    return this.worker.close()
  }
}

let shared: NearCopyWorker | undefined
/**
 * Called as a search request starts, before its photo is decoded and
 * embedded: the embedding needs both cores, so the near-copy worker's
 * background pass pauses from then on (a no-op before the worker runs).
 */
export function searchStarting() {
  shared?.searching()
}

/** The background pass's progress in this process (null before the first search started the worker). */
export async function nearCopyStatus(): Promise<PrewarmStatus | null> {
  return shared ? shared.status() : null
}

export function nearCopyWorker(warn: Warn = (m) => console.warn(m)): NearCopyWorker {
  return (shared ??= new NearCopyWorker(warn))
}
