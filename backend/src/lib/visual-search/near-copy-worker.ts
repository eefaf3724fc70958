import { isMainThread, parentPort, Worker, workerData } from "worker_threads"
import { isNearCopy, type Frame } from "./near-copy"

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
type Job = { id: number; shown: AheadImage[][]; candidates: AheadImage[][]; want: number }
type Reply = { id: number; decisions?: [string, boolean][]; error?: string }

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
  decide(x: AheadImage, y: AheadImage): { key: string; copy: boolean } | null {
    if (!x.frame || !y.frame) return null
    const key = pairKey(x.key, y.key)
    let copy = this.made.get(key)
    if (copy === undefined) this.remember(key, (copy = isNearCopy(x.frame, y.frame)))
    return { key, copy }
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

// ---- the worker side: frames and decisions it has seen, bounded
if (!isMainThread && workerData?.nearCopyWorker) {
  const MAX_FRAMES = 8192
  const frames = new Map<string, Frame>()
  const decisions = new NearCopyDecisions()
  /** The same Frame object per key, so the per-frame memos of near-copy.ts are reused across searches. */
  const frameOf = (img: AheadImage): AheadImage => {
    let f = frames.get(img.key)
    if (f) { frames.delete(img.key); frames.set(img.key, f) } else if (img.frame) {
      if (frames.size >= MAX_FRAMES) frames.delete(frames.keys().next().value!)
      frames.set(img.key, (f = img.frame))
    }
    return { key: img.key, frame: f ?? null }
  }
  parentPort!.on("message", (job: Job) => {
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
  private worker?: Worker
  private dead?: string
  private next = 1
  private readonly pending = new Map<number, { resolve: (d: [string, boolean][]) => void }>()

  constructor(private readonly warn: Warn) {}

  /** The decisions a walk over `candidates` after `shown` makes (every one it looked up, cached or not). */
  decide(shown: AheadImage[][], candidates: AheadImage[][], want: number): Promise<[string, boolean][]> {
    const worker = this.start()
    if (!worker) return Promise.resolve([])
    const id = this.next++
    return new Promise((resolve) => {
      this.pending.set(id, { resolve })
      worker.ref()
      worker.postMessage({ id, shown, candidates, want } satisfies Job)
    })
  }

  private start(): Worker | undefined {
    if (this.dead) return undefined
    if (this.worker) return this.worker
    // from the sources (medusa develop/start, jest) the worker compiles TypeScript as the main thread does
    const boot = `${__filename.endsWith(".ts") ? 'require("ts-node").register({ transpileOnly: true });' : ""} require(${JSON.stringify(__filename)})`
    try {
      const w = new Worker(boot, { eval: true, workerData: { nearCopyWorker: true } })
      w.on("message", (m: Reply) => {
        const p = this.pending.get(m.id)
        if (!p) return
        this.pending.delete(m.id)
        if (!this.pending.size) w.unref()
        if (m.error) this.warn(`near-copy worker: a job failed, the search decides itself: ${m.error}`)
        p.resolve(m.decisions ?? [])
      })
      w.on("error", (e) => this.fail(`near-copy worker crashed: ${e?.message ?? e}`))
      w.on("exit", (code) => this.fail(`near-copy worker exited (code ${code})`))
      w.unref()
      return (this.worker = w)
    } catch (e: any) {
      this.fail(`near-copy worker could not start: ${e?.message ?? e}`)
      return undefined
    }
  }

  private fail(reason: string) {
    if (this.dead) return
    this.dead = reason
    this.warn(`${reason}; near-copy checks now run in the search itself`)
    for (const p of this.pending.values()) p.resolve([])
    this.pending.clear()
  }

  async close() {
    this.dead ??= "closed"
    for (const p of this.pending.values()) p.resolve([])
    this.pending.clear()
    await this.worker?.terminate()
  }
}

let shared: NearCopyWorker | undefined
export function nearCopyWorker(warn: Warn = (m) => console.warn(m)): NearCopyWorker {
  return (shared ??= new NearCopyWorker(warn))
}
