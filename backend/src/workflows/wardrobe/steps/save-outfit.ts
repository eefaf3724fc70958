import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WARDROBE_MODULE } from "../../../modules/wardrobe"
import type WardrobeModuleService from "../../../modules/wardrobe/service"
import type { OutfitPiece } from "./make-outfit-collage"

export type SaveOutfitInput = {
  customer_id: string
  /** absent: a new outfit */
  id?: string
  name?: string
  notes?: string | null
  /** absent on update: the pieces stay */
  items?: OutfitPiece[]
  collage_file_id?: string | null
}

type Before = {
  created?: string
  previous?: {
    id: string
    name: string
    notes: string | null
    collage_file_id: string | null
    items: any[]
  }
}

/**
 * Creates or updates an outfit with its pieces in the given order (404 when
 * the outfit is not the customer's). Returns the outfit and the collage it
 * replaced. Undone by deleting the new outfit or writing the old one back.
 */
export const saveOutfitStep = createStep(
  "save-outfit",
  async (input: SaveOutfitInput, { container }) => {
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    const pieces = (outfitId: string) =>
      (input.items ?? []).map((p, rank) => ({
        outfit_id: outfitId,
        rank,
        wardrobe_item_id: p.wardrobe_item_id ?? null,
        product_id: p.product_id ?? null,
      }))
    if (!input.id) {
      const outfit = await wardrobe.createOutfits({
        customer_id: input.customer_id,
        name: input.name!,
        notes: input.notes ?? null,
        collage_file_id: input.collage_file_id ?? null,
      })
      await wardrobe.createOutfitItems(pieces(outfit.id) as any)
      return new StepResponse(
        {
          outfit: await wardrobe.ownedOutfit(input.customer_id, outfit.id),
          replaced_collage: null as string | null,
        },
        { created: outfit.id } as Before
      )
    }
    const previous = await wardrobe.ownedOutfit(input.customer_id, input.id)
    const update: Record<string, unknown> = { id: input.id }
    if (input.name !== undefined) update.name = input.name
    if (input.notes !== undefined) update.notes = input.notes
    if (input.items) {
      update.collage_file_id = input.collage_file_id ?? null
      if (previous.items.length)
        await wardrobe.deleteOutfitItems(previous.items.map((i) => i.id))
      await wardrobe.createOutfitItems(pieces(input.id) as any)
    }
    await wardrobe.updateOutfits(update as any)
    const replaced = input.items ? previous.collage_file_id : null
    return new StepResponse(
      {
        outfit: await wardrobe.ownedOutfit(input.customer_id, input.id),
        replaced_collage: replaced,
      },
      { previous: previous as any } as Before
    )
  },
  async (before, { container }) => {
    if (!before) return
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    if (before.created)
      return void (await wardrobe.deleteOutfits(before.created))
    const p = before.previous!
    const now = await wardrobe.listOutfitItems({ outfit_id: p.id } as any)
    if (now.length) await wardrobe.deleteOutfitItems(now.map((i) => i.id))
    if (p.items.length)
      await wardrobe.createOutfitItems(
        p.items.map((i: any) => ({
          outfit_id: p.id,
          rank: i.rank,
          wardrobe_item_id: i.wardrobe_item_id,
          product_id: i.product_id,
        }))
      )
    await wardrobe.updateOutfits({
      id: p.id,
      name: p.name,
      notes: p.notes,
      collage_file_id: p.collage_file_id,
    })
  }
)
