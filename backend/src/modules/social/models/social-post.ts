import { model } from "@medusajs/framework/utils"

/**
 * An outfit post. The counters are kept equal to the rows by the service
 * (atomic increments guarded by the unique insert of the like/save/comment).
 */
export const SocialPost = model
  .define("social_post", {
    id: model.id({ prefix: "spost" }).primaryKey(),
    customer_id: model.text(),
    caption: model.text().default(""),
    hashtags: model.array().default([]),
    occasion: model.text().nullable(),
    season: model.text().nullable(),
    visibility: model.enum(["public", "followers"]).default("public"),
    status: model
      .enum(["visible", "hidden", "pending", "deleted"])
      .default("visible"),
    likes_count: model.number().default(0),
    comments_count: model.number().default(0),
    saves_count: model.number().default(0),
    reports_count: model.number().default(0),
  })
  .indexes([
    // `following` reads a page from this index alone (no heap visit per post of every followee)
    { on: ["customer_id", "created_at", "id", "status", "visibility"] },
    { on: ["status", "created_at"] },
  ])
