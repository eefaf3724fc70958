import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteLookbookStep } from "./steps/delete-lookbook"

/** Deletes a lookbook with its looks and hotspots. */
export const deleteLookbookWorkflow = createWorkflow(
  "delete-lookbook",
  (input: { id: string }) => {
    return new WorkflowResponse(deleteLookbookStep(input.id))
  }
)
