import path from "path"
import { WorkerClient } from "../../../modules/visual-search/workers/worker-client"
import { imageKey } from "./messages"
import {
  PREWARM_NEIGHBOURS,
  type AheadImage,
  type Job,
  type MirroredImage,
  type MirrorSource,
  type PrewarmStatus,
  type Reply,
} from "./messages"

/** The worker's entry file, next to this one (.ts from the sources, .js once built). */
const WORKER_FILE = path.join(
  __dirname,
  `worker-thread${path.extname(__filename)}`
)

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

  constructor(
    private readonly warn: Warn,
    private readonly neighbours = PREWARM_NEIGHBOURS
  ) {
    this.worker = new WorkerClient(
      WORKER_FILE,
      { nearCopyWorker: true, neighbours },
      "near-copy worker",
      "near-copy checks now run in the search itself",
      warn
    )
  }

  /**
   * The decisions a walk over `candidates` after `shown` makes (every one it
   * looked up, cached or not). Photos the worker holds a copy of (mirror) go
   * by key alone: messages arrive in order, so it still holds them.
   */
  decide(
    shown: AheadImage[][],
    candidates: AheadImage[][],
    want: number
  ): Promise<[string, boolean][]> {
    const light = (images: AheadImage[][]) =>
      images.map((list) =>
        list.map((i) =>
          this.held.has(i.key) ? { key: i.key, frame: null } : i
        )
      )
    return this.worker
      .ask((id) => ({
        kind: "search",
        id,
        shown: light(shown),
        candidates: light(candidates),
        want,
      }))
      .then((m) => {
        if (m?.error)
          this.warn(
            `near-copy worker: a job failed, the search decides itself: ${m.error}`
          )
        return m?.decisions ?? []
      })
  }

  /**
   * Keeps the worker's copy of the index in step with this process's, for the
   * background pass (Prewarm): sends the photos added, changed or gone since
   * the last call. Costs nothing while `version` (the index's) is unchanged.
   */
  mirror(version: number, images: () => Iterable<MirrorSource>) {
    if (!this.neighbours || version === this.mirrored || this.worker.dead)
      return
    this.mirrored = version
    const seen = new Set<string>()
    const remove: string[] = []
    let upsert: MirroredImage[] = []
    for (const img of images()) {
      seen.add(img.id)
      const key = imageKey(img)
      const before = this.sent.get(img.id)
      if (before === key && img.frame) continue
      if (before) {
        this.held.delete(before)
        this.sent.delete(img.id)
        remove.push(before)
      }
      if (!img.frame) continue
      this.sent.set(img.id, key)
      this.held.add(key)
      upsert.push({
        key,
        product: img.product_id,
        frame: img.frame,
        vector: img.vector,
      })
      if (upsert.length === 500) {
        this.worker.post({ kind: "images", upsert, remove: [] })
        upsert = []
      }
    }
    for (const [id, key] of this.sent)
      if (!seen.has(id)) {
        remove.push(key)
        this.sent.delete(id)
        this.held.delete(key)
      }
    if (upsert.length || remove.length)
      this.worker.post({ kind: "images", upsert, remove })
  }

  /** A search has begun: the background pass steps aside now, not only once the search reaches the worker. */
  searching() {
    if (this.worker.running && this.neighbours)
      this.worker.post({ kind: "searching" })
  }

  /** How far the background pass has got (null when the worker is not running). */
  async status(): Promise<PrewarmStatus | null> {
    if (!this.worker.running) return null
    return (
      (await this.worker.ask((id) => ({ kind: "status", id })))?.status ?? null
    )
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

export function nearCopyWorker(
  warn: Warn = (m) => console.warn(m)
): NearCopyWorker {
  return (shared ??= new NearCopyWorker(warn))
}
