import { model } from "@medusajs/framework/utils"

/** One photo of a post, stored through the File module (re-encoded, no EXIF). */
export const SocialPostImage = model
  .define("social_post_image", {
    id: model.id({ prefix: "spimg" }).primaryKey(),
    post_id: model.text(),
    url: model.text(),
    file_id: model.text().nullable(),
    width: model.number(),
    height: model.number(),
    position: model.number().default(0),
  })
  .indexes([{ on: ["post_id", "position"] }])
