import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteFilesStep } from "@medusajs/medusa/core-flows"
import { eraseWardrobeStep } from "./steps/erase-wardrobe"

/** GDPR erasure: the customer's items, outfits and wear log, then their stored photos and collages. */
export const eraseWardrobeWorkflow = createWorkflow(
  "erase-wardrobe",
  (input: { customer_id: string }) => {
    const erased = eraseWardrobeStep(input)
    deleteFilesStep(transform({ erased }, ({ erased }) => erased.files))
    return new WorkflowResponse(
      transform({ erased }, ({ erased }) => ({
        items: erased.items,
        outfits: erased.outfits,
        wears: erased.wears,
        files: erased.files.length,
      }))
    )
  }
)
