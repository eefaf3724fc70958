import { model } from "@medusajs/framework/utils"
import { Look } from "./look"

/** A merchant-curated collection of looks, published in a time window to some sales channels. */
export const Lookbook = model
  .define("lookbook", {
    id: model.id({ prefix: "lkbk" }).primaryKey(),
    title: model.text().searchable(),
    handle: model.text().unique(),
    description: model.text().nullable(),
    cover_image: model.text().nullable(),
    status: model.enum(["draft", "published"]).default("draft"),
    publish_at: model.dateTime().nullable(),
    unpublish_at: model.dateTime().nullable(),
    looks: model.hasMany(() => Look, { mappedBy: "lookbook" }),
  })
  .cascades({ delete: ["looks"] })
