import { model } from "@medusajs/framework/utils"

/** The audit trail: which admin did what to which post, comment or shopper. */
export const SocialModerationAction = model
  .define("social_moderation_action", {
    id: model.id({ prefix: "smod" }).primaryKey(),
    user_id: model.text(),
    action: model.text(),
    target_type: model.enum(["post", "comment", "profile", "customer"]),
    target_id: model.text(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["created_at"] }])
