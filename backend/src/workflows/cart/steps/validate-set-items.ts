import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  checkSetItems,
  SetItemsRefused,
  type SetItem,
  type SetSourceType,
} from "../../../lib/cart/check-set-items"

/**
 * The one place an add-a-set is validated: every picked item must be one of
 * the set's products and buyable by the cart's shopper (lib/offers) in the
 * quantity wanted, read now. Throws SetItemsRefused, carrying every item's
 * verdict, when any is not.
 */
export const validateSetItemsStep = createStep(
  "validate-set-items",
  async (
    input: {
      cart_id: string
      source: SetSourceType
      allowed_product_ids: string[]
      items: SetItem[]
    },
    { container }
  ) => {
    const { verdicts } = await checkSetItems(container, input)
    if (verdicts.some((v) => !v.ok))
      throw new SetItemsRefused(verdicts, input.source)
    return new StepResponse(verdicts)
  }
)
