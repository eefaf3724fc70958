import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { checkLookItems, type LookItem } from "../../../lib/lookbook/check-look-items"

/** Re-checks, inside the workflow, that every picked item can go into the cart; throws if any cannot. */
export const validateLookItemsStep = createStep(
  "validate-look-items",
  async (input: { cart_id: string; hotspotProductIds: string[]; items: LookItem[] }, { container }) => {
    const { verdicts } = await checkLookItems(container, input)
    const bad = verdicts.filter((v) => !v.ok)
    if (bad.length) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, bad.map((b) => b.message).join("; "))
    return new StepResponse(verdicts)
  }
)
