import { model } from "@medusajs/framework/utils"

/**
 * An in-app notification for a shopper. Medusa's Notification module `feed`
 * channel is admin-only, so shoppers' notifications and read state live here.
 */
export const SocialNotification = model
  .define("social_notification", {
    id: model.id({ prefix: "snot" }).primaryKey(),
    recipient_id: model.text(),
    type: model.enum(["like", "comment", "reply", "follow", "back_in_stock"]),
    actor_id: model.text().nullable(),
    post_id: model.text().nullable(),
    product_id: model.text().nullable(),
    read_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["recipient_id", "created_at"] }])
