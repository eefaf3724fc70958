import { model } from "@medusajs/framework/utils"
import { Outfit } from "./outfit"

/** One piece of an outfit, in `rank` order: an owned item or a catalogue product. */
export const OutfitItem = model.define("outfit_item", {
  id: model.id({ prefix: "ofitem" }).primaryKey(),
  rank: model.number().default(0),
  wardrobe_item_id: model.text().index().nullable(),
  product_id: model.text().nullable(),
  outfit: model.belongsTo(() => Outfit, { mappedBy: "items" }),
})
