import { model } from "@medusajs/framework/utils"

/** A shopper saves a post, once. */
export const SocialSave = model
  .define("social_save", {
    id: model.id({ prefix: "ssave" }).primaryKey(),
    post_id: model.text(),
    customer_id: model.text(),
  })
  .indexes([
    { on: ["post_id", "customer_id"], unique: true },
    { on: ["customer_id", "created_at"] },
  ])
