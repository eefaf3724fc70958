import { model } from "@medusajs/framework/utils"

/** A like or dislike of a recommendation; `price` keeps what the item cost when the reason is too_expensive. */
export const RecFeedback = model
  .define("rec_feedback", {
    id: model.id({ prefix: "rfb" }).primaryKey(),
    customer_id: model.text(),
    recommendation_id: model.text(),
    product_ids: model.json(),
    rating: model.enum(["like", "dislike"]),
    reason: model
      .enum(["not_my_style", "too_expensive", "wrong_size", "own_similar"])
      .nullable(),
    price: model.float().nullable(),
  })
  .indexes([{ on: ["customer_id"] }])
