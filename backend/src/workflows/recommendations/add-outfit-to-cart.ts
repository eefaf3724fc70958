import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { addSetToCartWorkflow } from "../cart/add-set-to-cart"
import { recordCartSignalsStep } from "./steps/record-cart-signals"
import type { SetItem } from "../../lib/cart/check-set-items"

export type AddOutfitToCartInput = {
  customer_id: string
  recommendation_id: string
  cart_id: string
  /** the recommendation's products the shopper does not own */
  product_ids: string[]
  items: SetItem[]
}

/**
 * Adds the picked items of a recommended outfit to the cart, or none (the
 * shared add-set-to-cart), and records a `cart` signal per product so the
 * next list learns from it; a failed signal write takes the items out again.
 */
export const addOutfitToCartWorkflow = createWorkflow(
  "add-outfit-to-cart",
  (input: AddOutfitToCartInput) => {
    const added = addSetToCartWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        cart_id: input.cart_id,
        source: { type: "outfit" as const, id: input.recommendation_id },
        allowed_product_ids: input.product_ids,
        items: input.items,
      })),
    })
    recordCartSignalsStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        product_ids: input.items.map((i) => i.product_id),
      }))
    )
    return new WorkflowResponse(added)
  }
)
