import type { MedusaContainer } from "@medusajs/framework/types"
import { VISUAL_SEARCH_MODULE } from "../modules/visual-search"
import type VisualSearchModuleService from "../modules/visual-search/service"
import {
  pendingProductIds,
  startReindex,
  visualIndexingEnabled,
} from "../lib/visual-search/reindex"

/**
 * Catches up what events missed: products seeded while no server ran, photos
 * whose indexing failed (retried up to 3 times), and every product after the
 * embedder changed. Runs every minute; does nothing while a reindex runs.
 */
export default async function indexPendingImages(container: MedusaContainer) {
  const service =
    container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  if (!visualIndexingEnabled() || service.progress.running) return
  const { ids } = await pendingProductIds(container)
  const retry = (await service.retryableFailures(200)).map((f) => f.product_id)
  const todo = [...new Set([...ids, ...retry])]
  if (todo.length) startReindex(container, todo)
}

export const config = { name: "index-pending-images", schedule: "* * * * *" }
