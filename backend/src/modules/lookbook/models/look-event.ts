import { model } from "@medusajs/framework/utils"

/** What shoppers did with a look, kept for conversion per look in the admin. */
export const LookEvent = model
  .define("look_event", {
    id: model.id({ prefix: "lkev" }).primaryKey(),
    type: model.enum(["look_viewed", "hotspot_opened", "look_added_to_cart"]),
    lookbook_id: model.text(),
    look_id: model.text(),
    product_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    item_count: model.number().default(0),
  })
  .indexes([{ on: ["look_id", "type"] }, { on: ["lookbook_id"] }])
