import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOOKBOOK_MODULE } from "../../../modules/lookbook"
import type LookbookModuleService from "../../../modules/lookbook/service"

export type LookEventInput = {
  type: "look_viewed" | "hotspot_opened" | "look_added_to_cart"
  lookbook_id: string
  look_id: string
  product_id?: string | null
  cart_id?: string | null
  item_count?: number
}

/** Stores one shopper event for the per-look analytics. */
export const recordLookEventStep = createStep(
  "record-look-event",
  async (input: LookEventInput, { container }) => {
    const event = await container
      .resolve<LookbookModuleService>(LOOKBOOK_MODULE)
      .createLookEvents(input)
    return new StepResponse(event, event.id)
  },
  async (id, { container }) => {
    if (id)
      await container
        .resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        .deleteLookEvents(id)
  }
)
