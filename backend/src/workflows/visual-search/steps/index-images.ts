import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VISUAL_SEARCH_MODULE } from "../../../modules/visual-search"
import type VisualSearchModuleService from "../../../modules/visual-search/service"
import type { IndexOutcome } from "../../../modules/visual-search/service"
import type { ProductImages } from "./load-product-images"

/** Embeds, hashes and upserts each photo; per-image failures are recorded, not thrown. */
export const indexImagesStep = createStep(
  "index-images",
  async (input: ProductImages[], { container }) => {
    const service =
      container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
    const outcome = await service.indexImages(
      input.flatMap((p) =>
        p.images.map((i) => ({
          product_id: p.product_id,
          image_id: i.id,
          url: i.url,
        }))
      )
    )
    return new StepResponse(
      {
        indexed:
          outcome.created.length +
          outcome.updated.length -
          outcome.failed.length,
        failed: outcome.failed,
      },
      outcome
    )
  },
  async (outcome: IndexOutcome | undefined, { container }) => {
    if (!outcome) return
    const service =
      container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
    if (outcome.created.length)
      await service.deleteImageVectors(outcome.created)
    for (const u of outcome.updated)
      await service.updateImageVectors({ id: u.id, ...(u.previous as any) })
  }
)
