import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VISUAL_SEARCH_MODULE } from "../../../../modules/visual-search"
import type VisualSearchModuleService from "../../../../modules/visual-search/service"
import { pendingProductIds } from "../../../../lib/visual-search/reindex"
import { offerStats } from "../../../../lib/visual-search/offers"
import { warmerState } from "../../../../lib/visual-search/offer-warmer"
import { nearCopyStatus } from "../../../../lib/visual-search/near-copy-worker"

/** GET /admin/visual-search/status — which embedder runs, how much is indexed, pending, failed, reindex progress, how full the offer sheets are, and how far the near-copy worker's background pass has got. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const embedder = await service.getEmbedder()
  const [counts, pending] = await Promise.all([service.countsFor(embedder.id), pendingProductIds(req.scope)])
  res.json({
    embedder: await service.embedderInfo(),
    counts: { products: pending.products, images: pending.images, indexed: counts.indexed, failed: counts.failed, pending_products: pending.ids.length },
    index: service.indexStats(),
    progress: service.progress,
    offers: { warmer: warmerState, sheets: offerStats() },
    // null until the first search starts the worker
    near_copies: await nearCopyStatus(),
    last_errors: counts.last_errors,
  })
}
