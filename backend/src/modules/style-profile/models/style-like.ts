import { model } from "@medusajs/framework/utils"

/** A catalogue product the shopper said they like (first from the style quiz); recommendations read these. */
export const StyleLike = model
  .define("style_like", {
    id: model.id({ prefix: "stlk" }).primaryKey(),
    customer_id: model.text(),
    product_id: model.text(),
    source: model.enum(["quiz", "product"]).default("quiz"),
  })
  .indexes([{ on: ["customer_id", "product_id"], unique: true }])
