import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { addSetToCartWorkflow } from "../cart/add-set-to-cart"
import { recordLookEventStep } from "./steps/record-look-event"
import type { SetItem } from "../../lib/cart/check-set-items"

export type AddLookToCartInput = {
  lookbook_id: string
  look_id: string
  cart_id: string
  hotspotProductIds: string[]
  items: SetItem[]
}

/**
 * Adds every picked item of a look to the cart, or none (the shared
 * add-set-to-cart), and counts the add for the look's analytics.
 */
export const addLookToCartWorkflow = createWorkflow(
  "add-look-to-cart",
  (input: AddLookToCartInput) => {
    const added = addSetToCartWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        cart_id: input.cart_id,
        source: {
          type: "look" as const,
          id: input.look_id,
          refs: { lookbook_id: input.lookbook_id },
        },
        allowed_product_ids: input.hotspotProductIds,
        items: input.items,
      })),
    })
    recordLookEventStep(
      transform({ input }, ({ input }) => ({
        type: "look_added_to_cart" as const,
        lookbook_id: input.lookbook_id,
        look_id: input.look_id,
        cart_id: input.cart_id,
        item_count: input.items.length,
      }))
    )
    return new WorkflowResponse(added)
  }
)
