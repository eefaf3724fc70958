import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteLookStep } from "./steps/delete-look"

/** Deletes one look of a lookbook. */
export const deleteLookWorkflow = createWorkflow(
  "delete-look",
  (input: { lookbook_id: string; look_id: string }) => {
    return new WorkflowResponse(deleteLookStep(input))
  }
)
