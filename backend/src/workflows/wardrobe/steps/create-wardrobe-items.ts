import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WARDROBE_MODULE } from "../../../modules/wardrobe"
import type WardrobeModuleService from "../../../modules/wardrobe/service"

export type WardrobeItemInput = Record<string, unknown> & {
  customer_id: string
}

/** Creates wardrobe items; undone by deleting them. */
export const createWardrobeItemsStep = createStep(
  "create-wardrobe-items",
  async (items: WardrobeItemInput[], { container }) => {
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    const created: any[] = items.length
      ? await wardrobe.createWardrobeItems(items as any[])
      : []
    return new StepResponse(
      created,
      created.map((i) => i.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length)
      await container
        .resolve<WardrobeModuleService>(WARDROBE_MODULE)
        .deleteWardrobeItems(ids)
  }
)
