/*
 * Near-copy checks on the second core.
 *
 * A search's near-copy checks are pure CPU work (modules/visual-search/near-copy) while its
 * fresh price and stock reads are mostly the main thread's ORM work around
 * Postgres round trips. On one thread they add up; so while the main thread
 * reads offers, this worker walks the candidates that are expected to be shown
 * and makes the pair decisions that walk will ask for. The main thread then
 * finds them in its decision cache (duplicates.ts). The decisions are the
 * same function of the same two photos, so nothing shown changes: only where
 * and when the work is done.
 */

export { pairKey, NearCopyDecisions, firstCopied, walkAhead } from "./decisions"
export { Prewarm } from "./prewarm"
export { nearCopyWorker, nearCopyStatus, searchStarting } from "./client"
export {
  imageKey,
  PREWARM_NEIGHBOURS,
  type AheadImage,
  type MirrorSource,
  type MirroredImage,
  type PrewarmStatus,
} from "./messages"
