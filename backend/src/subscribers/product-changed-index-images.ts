import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { indexProductImagesWorkflow } from "../workflows/visual-search/index-product-images"
import { forgetProducts } from "../lib/offers"
import { visualIndexingEnabled } from "../lib/visual-search/reindex"

/**
 * Keeps the visual index current: a created or updated product has its
 * photos (re)indexed, a deleted one loses its vectors. Never throws: a failed
 * image is recorded and retried by the index-pending-images job.
 */
export default async function productChangedIndexImages({
  event,
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = (Array.isArray(event.data) ? event.data : [event.data])
    .map((d) => d.id)
    .filter(Boolean)
  if (!ids.length) return
  forgetProducts(ids)
  if (!visualIndexingEnabled()) return
  try {
    await indexProductImagesWorkflow(container).run({
      input: { product_ids: ids },
    })
  } catch (e: any) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `[visual-search] indexing ${ids.join(", ")} failed: ${e?.message ?? e}`
      )
  }
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted"],
}
