import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { planOrderItemsStep } from "./steps/plan-order-items"
import { createWardrobeItemsStep } from "./steps/create-wardrobe-items"

/** Puts each line of a placed order in the customer's wardrobe, once per line. */
export const addOrderToWardrobeWorkflow = createWorkflow(
  "add-order-to-wardrobe",
  (input: { order_id: string }) => {
    const items = planOrderItemsStep(input)
    return new WorkflowResponse(createWardrobeItemsStep(items))
  }
)
