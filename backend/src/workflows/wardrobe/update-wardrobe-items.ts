import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { updateWardrobeItemsStep } from "./steps/update-wardrobe-items"

/** Updates wardrobe items (ownership is checked by the caller). */
export const updateWardrobeItemsWorkflow = createWorkflow(
  "update-wardrobe-items",
  (input: { updates: ({ id: string } & Record<string, unknown>)[] }) => {
    return new WorkflowResponse(updateWardrobeItemsStep(input.updates))
  }
)
