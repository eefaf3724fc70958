import { model } from "@medusajs/framework/utils"

/**
 * A merchandising rule applied when lists are served: boost (add `weight` to the
 * score) or exclude the products of a collection, a category or a tag.
 */
export const RecRule = model.define("rec_rule", {
  id: model.id({ prefix: "rrule" }).primaryKey(),
  action: model.enum(["boost", "exclude"]),
  target: model.enum(["collection", "category", "tag"]),
  target_id: model.text(),
  weight: model.float().default(0.5),
  note: model.text().nullable(),
})
