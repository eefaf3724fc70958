import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { reorderLooksStep } from "./steps/reorder-looks"

/** Puts a lookbook's looks in the given order. */
export const reorderLooksWorkflow = createWorkflow(
  "reorder-looks",
  (input: { lookbook_id: string; look_ids: string[] }) => {
    return new WorkflowResponse(reorderLooksStep(input))
  }
)
