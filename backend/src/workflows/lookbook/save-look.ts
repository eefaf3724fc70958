import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { saveLookStep, type SaveLookInput } from "./steps/save-look"

/** Creates a look, or updates it and replaces its hotspots. */
export const saveLookWorkflow = createWorkflow(
  "save-look",
  (input: SaveLookInput) => {
    return new WorkflowResponse(saveLookStep(input))
  }
)
