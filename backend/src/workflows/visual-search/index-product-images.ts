import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { loadProductImagesStep } from "./steps/load-product-images"
import { indexImagesStep } from "./steps/index-images"
import { removeStaleVectorsStep } from "./steps/remove-stale-vectors"

export const VISUAL_SEARCH_INDEXED_EVENT = "visual-search.images.indexed"

/** Brings the visual index of some products in line with their current photos. */
export const indexProductImagesWorkflow = createWorkflow(
  "index-product-images",
  (input: { product_ids: string[] }) => {
    const products = loadProductImagesStep(input)
    const indexed = indexImagesStep(products)
    const removed = removeStaleVectorsStep(products)
    const event = transform({ input }, ({ input }) => ({
      eventName: VISUAL_SEARCH_INDEXED_EVENT,
      data: { product_ids: input.product_ids },
    }))
    emitEventStep(event)
    return new WorkflowResponse(
      transform({ indexed, removed }, ({ indexed, removed }) => ({
        ...indexed,
        removed: removed.length,
      }))
    )
  }
)
