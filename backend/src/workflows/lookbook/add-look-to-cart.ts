import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { validateLookItemsStep } from "./steps/validate-look-items"
import { recordLookEventStep } from "./steps/record-look-event"
import type { LookItem } from "../../lib/lookbook/check-look-items"

export type AddLookToCartInput = {
  lookbook_id: string
  look_id: string
  cart_id: string
  hotspotProductIds: string[]
  items: LookItem[]
}

/**
 * Adds every picked item of a look to the cart, or none: the items are
 * validated first (validate-look-items, the only check), then added by Medusa's addToCartWorkflow in one run, whose
 * own compensation rolls back a partial add.
 */
export const addLookToCartWorkflow = createWorkflow(
  "add-look-to-cart",
  (input: AddLookToCartInput) => {
    const verdicts = validateLookItemsStep(
      transform({ input }, ({ input }) => ({
        cart_id: input.cart_id,
        hotspotProductIds: input.hotspotProductIds,
        items: input.items,
      }))
    )
    addToCartWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        cart_id: input.cart_id,
        items: input.items.map((i) => ({
          variant_id: i.variant_id,
          quantity: i.quantity ?? 1,
          metadata: { lookbook_id: input.lookbook_id, look_id: input.look_id },
        })),
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
    emitEventStep(
      transform({ input }, ({ input }) => ({
        eventName: "lookbook.look_added_to_cart",
        data: {
          lookbook_id: input.lookbook_id,
          look_id: input.look_id,
          cart_id: input.cart_id,
        },
      }))
    )
    return new WorkflowResponse({ cart_id: input.cart_id, items: verdicts })
  }
)
