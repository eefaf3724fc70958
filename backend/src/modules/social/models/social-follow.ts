import { model } from "@medusajs/framework/utils"

/** `follower_id` follows `followee_id` (both customer ids), once. */
export const SocialFollow = model
  .define("social_follow", {
    id: model.id({ prefix: "sfol" }).primaryKey(),
    follower_id: model.text(),
    followee_id: model.text(),
  })
  .indexes([
    { on: ["follower_id", "followee_id"], unique: true },
    { on: ["followee_id"] },
  ])
