import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  checkLookItems,
  LookItemsRefused,
  type LookItem,
} from "../../../lib/lookbook/check-look-items"

/**
 * The one place add-look is validated: every picked item must be on the look
 * and buyable by the cart's shopper (lib/offers) in the quantity wanted.
 * Throws LookItemsRefused, carrying every item's verdict, when any is not.
 */
export const validateLookItemsStep = createStep(
  "validate-look-items",
  async (
    input: { cart_id: string; hotspotProductIds: string[]; items: LookItem[] },
    { container }
  ) => {
    const { verdicts } = await checkLookItems(container, input)
    if (verdicts.some((v) => !v.ok)) throw new LookItemsRefused(verdicts)
    return new StepResponse(verdicts)
  }
)
