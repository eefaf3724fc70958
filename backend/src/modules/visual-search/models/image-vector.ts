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
    /** base64 64×64 grey + 24×24 Lab of the whole photo (near-copy check, near-copy/frame.ts) */
    frame: model.text().nullable(),
    error: model.text().nullable(),
    attempts: model.number().default(0),
  })
  .indexes([
    {
      on: ["product_id", "image_url", "embedder"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    // every process syncs its in-memory index by reading the rows changed since its last sync, deleted ones included
    { on: ["updated_at"], where: null },
  ])
