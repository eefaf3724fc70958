import { model } from "@medusajs/framework/utils"

/** A shopper's text search that found nothing, for merchant analytics. */
export const ZeroResultQuery = model
  .define("zero_result_query", {
    id: model.id({ prefix: "zrq" }).primaryKey(),
    query: model.text(),
    region_id: model.text().nullable(),
    engine: model.text(),
  })
  .indexes([{ on: ["created_at"] }, { on: ["query"] }])
