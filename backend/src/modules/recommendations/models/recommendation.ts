import { model } from "@medusajs/framework/utils"

/** A recommendation as it was shown (items, reason, score, context), so `GET /:id` and feedback refer to exactly it. */
export const Recommendation = model
  .define("recommendation", {
    id: model.id({ prefix: "rec" }).primaryKey(),
    customer_id: model.text().nullable(),
    kind: model.enum(["product", "outfit"]),
    payload: model.json(),
  })
  .indexes([{ on: ["customer_id"] }])
