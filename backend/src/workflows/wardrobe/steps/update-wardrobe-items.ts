import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WARDROBE_MODULE } from "../../../modules/wardrobe"
import type WardrobeModuleService from "../../../modules/wardrobe/service"

const FIELDS = [
  "article_type",
  "colour",
  "family",
  "brand",
  "size",
  "price_paid",
  "currency_code",
  "acquired_at",
  "notes",
  "archived",
]

/** Updates wardrobe items (each `{ id, …fields }`); undone by writing the previous values back. */
export const updateWardrobeItemsStep = createStep(
  "update-wardrobe-items",
  async (
    updates: ({ id: string } & Record<string, unknown>)[],
    { container }
  ) => {
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    if (!updates.length) return new StepResponse([] as any[], [] as any[])
    const before = await wardrobe.listWardrobeItems(
      { id: updates.map((u) => u.id) },
      { select: ["id", ...FIELDS] as any }
    )
    const updated: any[] = await wardrobe.updateWardrobeItems(updates as any[])
    return new StepResponse(updated, before as any[])
  },
  async (before, { container }) => {
    if (before?.length)
      await container
        .resolve<WardrobeModuleService>(WARDROBE_MODULE)
        .updateWardrobeItems(before as any)
  }
)
