import { model } from "@medusajs/framework/utils"
import { OutfitItem } from "./outfit-item"

/** A combination of the shopper's items (and catalogue products they may buy), with a collage photo. */
export const Outfit = model
  .define("outfit", {
    id: model.id({ prefix: "outfit" }).primaryKey(),
    customer_id: model.text().index(),
    name: model.text(),
    notes: model.text().nullable(),
    collage_file_id: model.text().nullable(),
    items: model.hasMany(() => OutfitItem, { mappedBy: "outfit" }),
  })
  .cascades({ delete: ["items"] })
