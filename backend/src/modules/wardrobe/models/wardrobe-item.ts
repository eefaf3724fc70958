import { model } from "@medusajs/framework/utils"

/**
 * One garment the shopper owns. Photos are private files of the File module
 * (`image_file_id`, `cutout_file_id`), served only to the owner; an item that
 * came from an order shows the product's public photo (`image_url`).
 */
export const WardrobeItem = model.define("wardrobe_item", {
  id: model.id({ prefix: "witem" }).primaryKey(),
  customer_id: model.text().index(),
  image_file_id: model.text().nullable(),
  cutout_file_id: model.text().nullable(),
  image_url: model.text().nullable(),
  article_type: model.text().nullable(),
  colour: model.text().nullable(),
  family: model
    .enum(["top", "bottom", "dress", "shoes", "accessory", "outerwear", "bag"])
    .nullable(),
  brand: model.text().nullable(),
  size: model.text().nullable(),
  price_paid: model.bigNumber().nullable(),
  currency_code: model.text().nullable(),
  acquired_at: model.dateTime().nullable(),
  source: model.enum(["upload", "order"]).default("upload"),
  product_id: model.text().nullable(),
  variant_id: model.text().nullable(),
  order_id: model.text().nullable(),
  /** one wardrobe item per order line: the order subscriber may run twice */
  order_line_item_id: model.text().unique().nullable(),
  notes: model.text().nullable(),
  archived: model.boolean().default(false),
  /** what auto-tagging proposed, kept so the shopper can be shown it again */
  suggestions: model.json().nullable(),
})
