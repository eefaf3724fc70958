import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteFilesStep } from "@medusajs/medusa/core-flows"
import { deleteWardrobeItemStep } from "./steps/delete-wardrobe-item"

/** Deletes one of the customer's items, its wears and outfit places, then its stored photos (last: files cannot be restored). */
export const deleteWardrobeItemWorkflow = createWorkflow(
  "delete-wardrobe-item",
  (input: { customer_id: string; id: string }) => {
    const files = deleteWardrobeItemStep(input)
    deleteFilesStep(files)
    return new WorkflowResponse(input.id)
  }
)
