import { model } from "@medusajs/framework/utils"

/** A shopper reports a post, comment or profile; one open report per reporter and target. */
export const SocialReport = model
  .define("social_report", {
    id: model.id({ prefix: "srep" }).primaryKey(),
    target_type: model.enum(["post", "comment", "profile"]),
    target_id: model.text(),
    reporter_id: model.text(),
    reason: model.text(),
    status: model.enum(["open", "resolved"]).default("open"),
  })
  .indexes([
    { on: ["target_type", "target_id", "reporter_id"], unique: true },
    { on: ["status", "created_at"] },
  ])
