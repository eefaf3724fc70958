import { model } from "@medusajs/framework/utils"

/**
 * A shopper's sizes, budget and taste. One per customer (`customer_id`, linked
 * read-only to Customer). Budgets are major units of the currency of the region
 * `country_code` falls in. Lists hold catalogue words (lib/style-vocabulary.ts).
 */
export const StyleProfile = model.define("style_profile", {
  id: model.id({ prefix: "stpr" }).primaryKey(),
  customer_id: model.text().unique(),
  // nullable so that a write can replace the object: updates merge JSON objects key by key (see service.replaceStyleProfile)
  sizes: model.json().nullable(),
  budget_max_item: model.float().nullable(),
  budget_min_item: model.float().nullable(),
  budget_by_family: model.json().nullable(),
  styles: model.array().default([]),
  colours_liked: model.array().default([]),
  colours_disliked: model.array().default([]),
  brands: model.array().default([]),
  gender: model.text().nullable(),
  country_code: model.text().nullable(),
})
