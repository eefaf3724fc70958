import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  recordLookEventStep,
  type LookEventInput,
} from "./steps/record-look-event"

/** Records a shopper's look view or hotspot open. */
export const recordLookEventWorkflow = createWorkflow(
  "record-look-event",
  (input: LookEventInput) => {
    return new WorkflowResponse(recordLookEventStep(input))
  }
)
