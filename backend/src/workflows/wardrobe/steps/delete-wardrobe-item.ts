import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WARDROBE_MODULE } from "../../../modules/wardrobe"
import type WardrobeModuleService from "../../../modules/wardrobe/service"

/**
 * Deletes the customer's item with its wears and outfit places (404 when not
 * theirs). Returns the photo files to delete. Undone by restoring the rows.
 */
export const deleteWardrobeItemStep = createStep(
  "delete-wardrobe-item",
  async (
    { customer_id, id }: { customer_id: string; id: string },
    { container }
  ) => {
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    const item = await wardrobe.ownedItem(customer_id, id)
    const wears = await wardrobe.listWears({ wardrobe_item_id: id })
    const places = await wardrobe.listOutfitItems({ wardrobe_item_id: id })
    const files = await wardrobe.removeItem(customer_id, id)
    return new StepResponse(files, { item, wears, places })
  },
  async (before, { container }) => {
    if (!before) return
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    const strip = ({
      created_at,
      updated_at,
      deleted_at,
      outfit,
      ...rest
    }: any) => rest
    await wardrobe.createWardrobeItems(strip(before.item))
    if (before.wears.length) await wardrobe.createWears(before.wears.map(strip))
    if (before.places.length)
      await wardrobe.createOutfitItems(
        before.places.map((p: any) => ({
          ...strip(p),
          outfit_id: p.outfit_id ?? p.outfit?.id,
        }))
      )
  }
)
