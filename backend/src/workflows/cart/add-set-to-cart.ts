import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { validateSetItemsStep } from "./steps/validate-set-items"
import type { SetItem, SetSourceType } from "../../lib/cart/check-set-items"

export type SetSource = {
  type: SetSourceType
  /** the look, recommendation or post id */
  id: string
  /** more ids to keep on each line item and in the event, e.g. { lookbook_id } */
  refs?: Record<string, string>
}

export type AddSetToCartInput = {
  cart_id: string
  source: SetSource
  /** the products the set offers; a pick of any other product is refused */
  allowed_product_ids: string[]
  items: SetItem[]
}

/** The event each kind of set emits once its items are in a cart. */
export const SET_ADDED_EVENTS: Record<SetSourceType, string> = {
  look: "lookbook.look_added_to_cart",
  outfit: "recommendation.outfit_added_to_cart",
  post: "social.post_added_to_cart",
}

/**
 * Adds every picked item of a set (a look, an outfit, a post) to a cart, or
 * none: validate-set-items decides every item first (one run of the
 * buyability rule), then Medusa's addToCartWorkflow adds them in one run,
 * whose compensation removes them again if a later step of this workflow or
 * of a workflow running this one as a step fails.
 */
export const addSetToCartWorkflow = createWorkflow(
  "add-set-to-cart",
  (input: AddSetToCartInput) => {
    const verdicts = validateSetItemsStep(
      transform({ input }, ({ input }) => ({
        cart_id: input.cart_id,
        source: input.source.type,
        allowed_product_ids: input.allowed_product_ids,
        items: input.items,
      }))
    )
    addToCartWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        cart_id: input.cart_id,
        items: input.items.map((i) => ({
          variant_id: i.variant_id,
          quantity: i.quantity ?? 1,
          metadata: {
            source: input.source.type,
            [`${input.source.type}_id`]: input.source.id,
            ...input.source.refs,
          },
        })),
      })),
    })
    emitEventStep(
      transform({ input }, ({ input }) => ({
        eventName: SET_ADDED_EVENTS[input.source.type],
        data: {
          ...input.source.refs,
          [`${input.source.type}_id`]: input.source.id,
          cart_id: input.cart_id,
          product_ids: input.items.map((i) => i.product_id),
        },
      }))
    )
    return new WorkflowResponse({ cart_id: input.cart_id, items: verdicts })
  }
)
