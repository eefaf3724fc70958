import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VISUAL_SEARCH_MODULE } from "../../../../modules/visual-search"
import type VisualSearchModuleService from "../../../../modules/visual-search/service"
import { pendingProductIds } from "../../../../lib/visual-search/reindex"
import { offerStats } from "../../../../lib/visual-search/offers"
import { warmerState } from "../../../../lib/visual-search/offer-warmer"
import { nearCopyStatus } from "../../../../lib/visual-search/near-copy-worker"

/**
 * Which products still need indexing is read from every product and every
 * vector row (~0.5 s of this process's CPU at 10k products), and the admin page
 * asks every 2 s: the answer is kept for PENDING_TTL_MS, or until the indexed or
 * failed counts or the reindex progress move. A product added without being
 * indexed shows as pending within that time.
 */
const PENDING_TTL_MS = 10_000
let pending: {
  key: string
  at: number
  value: ReturnType<typeof pendingProductIds>
} | null = null

function pendingFor(scope: MedusaRequest["scope"], key: string) {
  if (
    pending &&
    pending.key === key &&
    Date.now() - pending.at < PENDING_TTL_MS
  )
    return pending.value
  const value = pendingProductIds(scope)
  const entry = { key, at: Date.now(), value }
  value.catch(() => {
    if (pending === entry) pending = null
  })
  pending = entry
  return value
}

/** GET /admin/visual-search/status — which embedder runs, how much is indexed, pending, failed, reindex progress, how full the offer sheets are, and how far the near-copy worker's background pass has got. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service =
    req.scope.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const embedder = await service.getEmbedder()
  const counts = await service.countsFor(embedder.id)
  const p = service.progress
  const pending = await pendingFor(
    req.scope,
    [
      embedder.id,
      counts.indexed,
      counts.failed,
      p.running,
      p.done,
      p.finished_at,
    ].join("|")
  )
  res.json({
    embedder: await service.embedderInfo(),
    counts: {
      products: pending.products,
      images: pending.images,
      indexed: counts.indexed,
      failed: counts.failed,
      pending_products: pending.ids.length,
    },
    index: service.indexStats(),
    progress: service.progress,
    offers: { warmer: warmerState, sheets: offerStats() },
    // null until the first search starts the worker
    near_copies: await nearCopyStatus(),
    last_errors: counts.last_errors,
  })
}
