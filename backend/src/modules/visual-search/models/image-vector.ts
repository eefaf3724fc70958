import { model } from "@medusajs/framework/utils"

/**
 * One product photo as the visual search sees it: its vector (of one embedder),
 * its perceptual signature for duplicate detection, and how indexing went.
 */
export const ImageVector = model
  .define("visual_search_image_vector", {
    id: model.id({ prefix: "vsiv" }).primaryKey(),
    product_id: model.text().index(),
    image_id: model.text().nullable(),
    image_url: model.text(),
    embedder: model.text().index(),
    status: model.enum(["indexed", "failed"]).default("indexed"),
    /** float array; null when indexing failed */
    vector: model.json().nullable(),
    phash: model.text().nullable(),
    phash_mirror: model.text().nullable(),
    colour: model.json().nullable(),
    /** base64 48×48 luminance of the background-trimmed photo (exact-copy check) */
    thumb: model.text().nullable(),
    error: model.text().nullable(),
    attempts: model.number().default(0),
  })
  .indexes([{ on: ["product_id", "image_url", "embedder"], unique: true, where: "deleted_at IS NULL" }])
