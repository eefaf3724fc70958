import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteFilesStep } from "@medusajs/medusa/core-flows"
import { deleteOutfitStep } from "./steps/delete-outfit"

/** Deletes one of the customer's outfits, then its collage. Wears logged with it stay: the items were worn. */
export const deleteOutfitWorkflow = createWorkflow(
  "delete-outfit",
  (input: { customer_id: string; id: string }) => {
    const files = deleteOutfitStep(input)
    deleteFilesStep(files)
    return new WorkflowResponse(input.id)
  }
)
