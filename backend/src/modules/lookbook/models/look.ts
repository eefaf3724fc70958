import { model } from "@medusajs/framework/utils"
import { Lookbook } from "./lookbook"
import { Hotspot } from "./hotspot"

/** One styled photo of a lookbook; `rank` orders the looks. */
export const Look = model
  .define("look", {
    id: model.id({ prefix: "look" }).primaryKey(),
    title: model.text(),
    image_url: model.text(),
    rank: model.number().default(0),
    lookbook: model.belongsTo(() => Lookbook, { mappedBy: "looks" }),
    hotspots: model.hasMany(() => Hotspot, { mappedBy: "look" }),
  })
  .cascades({ delete: ["hotspots"] })
