import { model } from "@medusajs/framework/utils"

/** One thing a shopper did with a product; training and ranking read these. Negative weights are dislikes. */
export const RecSignal = model
  .define("rec_signal", {
    id: model.id({ prefix: "rsig" }).primaryKey(),
    customer_id: model.text(),
    product_id: model.text(),
    kind: model.enum([
      "view",
      "cart",
      "purchase",
      "like",
      "dislike",
      "quiz",
      "look",
    ]),
    weight: model.float(),
    reason: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id"] }, { on: ["product_id"] }])
