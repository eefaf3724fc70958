import { model } from "@medusajs/framework/utils"

/**
 * The shopper wore an item on a day (`worn_on`, YYYY-MM-DD). At most one row
 * per item and day, so wearing an outfit and one of its items the same day
 * counts once.
 */
export const Wear = model
  .define("wardrobe_wear", {
    id: model.id({ prefix: "wear" }).primaryKey(),
    customer_id: model.text().index(),
    wardrobe_item_id: model.text(),
    outfit_id: model.text().nullable(),
    worn_on: model.text(),
  })
  .indexes([
    {
      on: ["wardrobe_item_id", "worn_on"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
