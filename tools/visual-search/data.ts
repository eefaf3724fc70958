import fs from "fs"
import path from "path"
import { splitOf } from "./split"
import { parseStylesCsv, type StyleRow } from "../../backend/src/lib/catalog"

/** The shared dataset beside the checkout, unless CURATOR_DATASET_DIR (or FASHION_DATA_DIR) says otherwise. */
export const DATA_DIR =
  process.env.CURATOR_DATASET_DIR ??
  process.env.FASHION_DATA_DIR ??
  path.resolve(__dirname, "../../../shared/data/fashion-products")
export const KEPT_MASTER = new Set(["Apparel", "Footwear", "Accessories"])
export type { StyleRow }

/** Sellable rows that have a photo, by id. */
export function loadStyles(dir = DATA_DIR): StyleRow[] {
  return parseStylesCsv(fs.readFileSync(path.join(dir, "styles.csv"), "utf8"))
    .filter(
      (r) =>
        KEPT_MASTER.has(r.masterCategory) && fs.existsSync(imagePath(r.id, dir))
    )
    .sort((a, b) => Number(a.id) - Number(b.id))
}

export const imagePath = (id: string, dir = DATA_DIR) =>
  path.join(dir, "images", `${id}.jpg`)

export function bySplit(rows: StyleRow[]) {
  return {
    catalog: rows.filter((r) => splitOf(r.id) === "catalog"),
    query: rows.filter((r) => splitOf(r.id) === "query"),
  }
}
