import { isMainThread, parentPort, workerData } from "worker_threads"
import type { Frame } from "../../../modules/visual-search/near-copy"
import { NearCopyDecisions, walkAhead } from "./decisions"
import type { AheadImage, Job, Reply } from "./messages"
import { Prewarm } from "./prewarm"

/** The worker thread's side: loaded by NearCopyWorker (client.ts) as the worker's entry file. */
// frames and decisions it has seen, bounded
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
    if (f) {
      frames.delete(img.key)
      frames.set(img.key, f)
    } else if (img.frame) {
      if (frames.size >= MAX_FRAMES) frames.delete(frames.keys().next().value!)
      frames.set(img.key, (f = img.frame))
    }
    return { key: img.key, frame: f ?? null }
  }
  parentPort!.on("message", (job: Job) => {
    if (job.kind === "images") return prewarm.apply(job.upsert, job.remove)
    if (job.kind === "status")
      return parentPort!.postMessage({
        id: job.id,
        status: prewarm.status(),
      } satisfies Reply)
    prewarm.searched()
    if (job.kind === "searching") return
    try {
      const made: [string, boolean][] = []
      walkAhead(
        job.shown.map((s) => s.map(frameOf)),
        job.candidates.map((c) => c.map(frameOf)),
        job.want,
        (x, y) => {
          const d = decisions.decide(x, y)
          if (d) made.push([d.key, d.copy])
          return !!d?.copy
        }
      )
      parentPort!.postMessage({ id: job.id, decisions: made } satisfies Reply)
    } catch (e: any) {
      parentPort!.postMessage({
        id: job.id,
        error: String(e?.stack ?? e),
      } satisfies Reply)
    }
  })
}
