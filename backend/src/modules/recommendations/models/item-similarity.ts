import { model } from "@medusajs/framework/utils"

/**
 * The trained co-occurrence model, one row per training run: for each product
 * its nearest neighbours `[product_id, similarity][]` and its popularity.
 * Serving reads the newest row only.
 */
export const ItemSimilarity = model.define("rec_item_similarity", {
  id: model.id({ prefix: "rsim" }).primaryKey(),
  neighbours: model.json(),
  popularity: model.json(),
  stats: model.json(),
})
