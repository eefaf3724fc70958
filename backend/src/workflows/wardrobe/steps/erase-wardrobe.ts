import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WARDROBE_MODULE } from "../../../modules/wardrobe"
import type WardrobeModuleService from "../../../modules/wardrobe/service"

/** Deletes every wardrobe row of the customer; returns counts and the files to delete. Not undoable by design (an erasure request). */
export const eraseWardrobeStep = createStep(
  "erase-wardrobe",
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const erased = await container
      .resolve<WardrobeModuleService>(WARDROBE_MODULE)
      .eraseCustomer(customer_id)
    return new StepResponse(erased)
  }
)
