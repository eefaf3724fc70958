import { model } from "@medusajs/framework/utils"

/** A plain-text comment; `parent_id` is a top-level comment of the same post (one level of replies). */
export const SocialComment = model
  .define("social_comment", {
    id: model.id({ prefix: "scmt" }).primaryKey(),
    post_id: model.text(),
    customer_id: model.text(),
    parent_id: model.text().nullable(),
    text: model.text(),
    edited_at: model.dateTime().nullable(),
    status: model.enum(["visible", "hidden", "deleted"]).default("visible"),
  })
  .indexes([{ on: ["post_id", "created_at"] }])
