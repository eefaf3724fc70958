import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VISUAL_SEARCH_MODULE } from "../../../modules/visual-search"
import type VisualSearchModuleService from "../../../modules/visual-search/service"
import type { ProductImages } from "./load-product-images"

/** Drops vectors of photos a product no longer has (all of them for a deleted product). */
export const removeStaleVectorsStep = createStep(
  "remove-stale-vectors",
  async (input: ProductImages[], { container }) => {
    const service =
      container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
    const removed: string[] = []
    for (const p of input)
      removed.push(
        ...(await service.removeStaleVectors(
          p.product_id,
          p.images.map((i) => i.url)
        ))
      )
    return new StepResponse(removed, removed)
  },
  async (removed: string[] | undefined, { container }) => {
    if (removed?.length)
      await container
        .resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
        .restoreImageVectors(removed)
  }
)
