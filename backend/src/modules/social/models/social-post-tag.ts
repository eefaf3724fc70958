import { model } from "@medusajs/framework/utils"

/** A product tagged on one photo of a post (x, y as fractions of the photo, like lookbook hotspots). */
export const SocialPostTag = model
  .define("social_post_tag", {
    id: model.id({ prefix: "sptag" }).primaryKey(),
    post_id: model.text(),
    image: model.number().default(0),
    x: model.float(),
    y: model.float(),
    product_id: model.text(),
    variant_id: model.text().nullable(),
  })
  .indexes([{ on: ["post_id"] }, { on: ["product_id"] }])
