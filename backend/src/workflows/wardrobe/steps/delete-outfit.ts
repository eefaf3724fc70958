import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WARDROBE_MODULE } from "../../../modules/wardrobe"
import type WardrobeModuleService from "../../../modules/wardrobe/service"

/** Deletes the customer's outfit and its pieces (404 when not theirs); returns its collage file. Undone by recreating them. */
export const deleteOutfitStep = createStep(
  "delete-outfit",
  async (
    { customer_id, id }: { customer_id: string; id: string },
    { container }
  ) => {
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    const outfit = await wardrobe.ownedOutfit(customer_id, id)
    if (outfit.items.length)
      await wardrobe.deleteOutfitItems(outfit.items.map((i) => i.id))
    await wardrobe.deleteOutfits(id)
    return new StepResponse(
      outfit.collage_file_id ? [outfit.collage_file_id] : [],
      outfit
    )
  },
  async (outfit, { container }) => {
    if (!outfit) return
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    await wardrobe.createOutfits({
      id: outfit.id,
      customer_id: outfit.customer_id,
      name: outfit.name,
      notes: outfit.notes,
      collage_file_id: outfit.collage_file_id,
    } as any)
    if (outfit.items.length)
      await wardrobe.createOutfitItems(
        outfit.items.map((i: any) => ({
          outfit_id: outfit.id,
          rank: i.rank,
          wardrobe_item_id: i.wardrobe_item_id,
          product_id: i.product_id,
        }))
      )
  }
)
