import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { WardrobeItem } from "./models/wardrobe-item"
import { Outfit } from "./models/outfit"
import { OutfitItem } from "./models/outfit-item"
import { Wear } from "./models/wear"
import { wardrobeStats } from "./stats"

export const WEAR_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar day as YYYY-MM-DD (2026-02-31 is not one, though JS would parse it). */
export function isDay(s: string) {
  if (!WEAR_DATE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

class WardrobeModuleService extends MedusaService({
  WardrobeItem,
  Outfit,
  OutfitItem,
  Wear,
}) {
  /** The customer's item, or NOT_FOUND whether it is missing or someone else's (no existence leak). */
  async ownedItem(customerId: string, id: string) {
    const [item] = await this.listWardrobeItems({ id, customer_id: customerId })
    if (!item)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Wardrobe item with id "${id}" was not found`
      )
    return item
  }

  async ownedOutfit(customerId: string, id: string) {
    const [outfit] = await this.listOutfits(
      { id, customer_id: customerId },
      { relations: ["items"] }
    )
    if (!outfit)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Outfit with id "${id}" was not found`
      )
    return {
      ...outfit,
      items: [...(outfit.items ?? [])].sort((a, b) => a.rank - b.rank),
    }
  }

  /**
   * Records that these items were worn on `date` (YYYY-MM-DD). An item already
   * worn that day is not counted again. Returns the wears created.
   */
  async logWears(
    customerId: string,
    itemIds: string[],
    date: string,
    outfitId: string | null = null
  ) {
    if (!isDay(date)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `date must be a day as YYYY-MM-DD; got "${date}"`
      )
    }
    const ids = [...new Set(itemIds)]
    if (!ids.length) return []
    const existing = await this.listWears({
      wardrobe_item_id: ids,
      worn_on: date,
    })
    const done = new Set(existing.map((w) => w.wardrobe_item_id))
    const todo = ids.filter((id) => !done.has(id))
    const created: { id: string; wardrobe_item_id: string; worn_on: string }[] =
      []
    for (const id of todo) {
      try {
        created.push(
          await this.createWears({
            customer_id: customerId,
            wardrobe_item_id: id,
            worn_on: date,
            outfit_id: outfitId,
          })
        )
      } catch (e: any) {
        // a concurrent request logged the same wear: the unique index keeps one
        if (!/unique|duplicate|already exists/i.test(String(e?.message)))
          throw e
      }
    }
    return created
  }

  /** Deletes an item with its wears and its places in outfits. Returns the photo files to delete. */
  async removeItem(customerId: string, id: string) {
    const item = await this.ownedItem(customerId, id)
    const wears = await this.listWears(
      { wardrobe_item_id: id },
      { select: ["id"] }
    )
    if (wears.length) await this.deleteWears(wears.map((w) => w.id))
    const places = await this.listOutfitItems(
      { wardrobe_item_id: id },
      { select: ["id"] }
    )
    if (places.length) await this.deleteOutfitItems(places.map((p) => p.id))
    await this.deleteWardrobeItems(id)
    return [item.image_file_id, item.cutout_file_id].filter(Boolean) as string[]
  }

  async stats(customerId: string, today = new Date()) {
    const items = await this.listWardrobeItems(
      { customer_id: customerId, archived: false },
      { take: null as any }
    )
    const wears = await this.listWears(
      { customer_id: customerId },
      { take: null as any, select: ["wardrobe_item_id", "worn_on"] }
    )
    return wardrobeStats(items as any, wears as any, { today })
  }

  /**
   * Erases everything the module holds for a customer (rows are deleted, not
   * soft-deleted). Returns the ids of the files the caller must delete.
   */
  async eraseCustomer(customerId: string) {
    const items = await this.listWardrobeItems(
      { customer_id: customerId },
      { take: null as any }
    )
    const outfits = await this.listOutfits(
      { customer_id: customerId },
      { take: null as any, relations: ["items"] }
    )
    const wears = await this.listWears(
      { customer_id: customerId },
      { take: null as any, select: ["id"] }
    )
    if (wears.length) await this.deleteWears(wears.map((w) => w.id))
    const outfitItems = outfits.flatMap((o) => (o.items ?? []).map((i) => i.id))
    if (outfitItems.length) await this.deleteOutfitItems(outfitItems)
    if (outfits.length) await this.deleteOutfits(outfits.map((o) => o.id))
    if (items.length) await this.deleteWardrobeItems(items.map((i) => i.id))
    const files = [
      ...items.flatMap((i) => [i.image_file_id, i.cutout_file_id]),
      ...outfits.map((o) => o.collage_file_id),
    ].filter(Boolean) as string[]
    return {
      items: items.length,
      outfits: outfits.length,
      wears: wears.length,
      files,
    }
  }
}

export default WardrobeModuleService
