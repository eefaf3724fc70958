import { model } from "@medusajs/framework/utils"

/**
 * A shopper waits for a product (tagged on a post they liked or saved) to be
 * buyable in their size again. `waiting` → `notified` happens once per wait,
 * by a conditional update, so concurrent stock events notify once; the
 * product going out of stock again re-arms it.
 */
export const SocialStockWatch = model
  .define("social_stock_watch", {
    id: model.id({ prefix: "sswat" }).primaryKey(),
    customer_id: model.text(),
    product_id: model.text(),
    size: model.text().nullable(),
    state: model.enum(["waiting", "notified"]).default("waiting"),
  })
  .indexes([
    { on: ["customer_id", "product_id"], unique: true },
    { on: ["product_id", "state"] },
  ])
