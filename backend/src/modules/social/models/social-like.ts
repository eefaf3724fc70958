import { model } from "@medusajs/framework/utils"

/** A shopper likes a post, once: the unique index makes a second like a no-op. */
export const SocialLike = model
  .define("social_like", {
    id: model.id({ prefix: "slike" }).primaryKey(),
    post_id: model.text(),
    customer_id: model.text(),
  })
  .indexes([
    { on: ["post_id", "customer_id"], unique: true },
    { on: ["customer_id", "created_at"] },
  ])
