import fs from "fs"
import path from "path"
import { splitOf } from "./split"

export const DATA_DIR = process.env.FASHION_DATA_DIR ?? "/work/shared/data/fashion-products"
export const KEPT_MASTER = new Set(["Apparel", "Footwear", "Accessories"])

export interface StyleRow {
  id: string
  gender: string
  masterCategory: string
  subCategory: string
  articleType: string
  baseColour: string
}

export function loadStyles(dir = DATA_DIR): StyleRow[] {
  const lines = fs.readFileSync(path.join(dir, "styles.csv"), "utf8").split(/\r?\n/).filter(Boolean)
  const head = lines[0].split(",")
  const col = (n: string) => head.indexOf(n)
  const rows: StyleRow[] = []
  for (const line of lines.slice(1)) {
    const f = line.split(",")
    const r: StyleRow = {
      id: f[col("id")],
      gender: f[col("gender")],
      masterCategory: f[col("masterCategory")],
      subCategory: f[col("subCategory")],
      articleType: f[col("articleType")],
      baseColour: f[col("baseColour")],
    }
    if (!KEPT_MASTER.has(r.masterCategory)) continue
    if (!fs.existsSync(imagePath(r.id, dir))) continue
    rows.push(r)
  }
  rows.sort((a, b) => Number(a.id) - Number(b.id))
  return rows
}

export const imagePath = (id: string, dir = DATA_DIR) => path.join(dir, "images", `${id}.jpg`)

export function bySplit(rows: StyleRow[]) {
  return {
    catalog: rows.filter((r) => splitOf(r.id) === "catalog"),
    query: rows.filter((r) => splitOf(r.id) === "query"),
  }
}
