import { model } from "@medusajs/framework/utils"
import { Look } from "./look"

/** A clickable point on a look (x, y as fractions of the image) that shows a product. */
export const Hotspot = model.define("look_hotspot", {
  id: model.id({ prefix: "lkhs" }).primaryKey(),
  x: model.float(),
  y: model.float(),
  product_id: model.text().index(),
  variant_id: model.text().nullable(),
  label: model.text().nullable(),
  look: model.belongsTo(() => Look, { mappedBy: "hotspots" }),
})
