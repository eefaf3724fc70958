import { model } from "@medusajs/framework/utils"

/** A shopper's public face in the feed. `handle` is stored lower-case, so uniqueness is case-insensitive. */
export const SocialProfile = model
  .define("social_profile", {
    id: model.id({ prefix: "sprof" }).primaryKey(),
    customer_id: model.text(),
    handle: model.text().searchable(),
    display_name: model.text().searchable(),
    bio: model.text().nullable(),
    avatar_url: model.text().nullable(),
    banned_at: model.dateTime().nullable(),
    warned_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["customer_id"], unique: true },
    { on: ["handle"], unique: true },
    // every feed query reads the banned authors: a few rows, not a scan of every profile
    { on: ["banned_at"], where: "banned_at IS NOT NULL" },
  ])
