// Reads the Myntra "Fashion Product Images" labels (styles.csv).
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.dirname(
  path.dirname(path.dirname(fileURLToPath(import.meta.url)))
)

/** The shared dataset: ../shared/data/fashion-products beside the checkout, unless CURATOR_DATASET_DIR says otherwise. */
export const DATASET_DIR =
  process.env.CURATOR_DATASET_DIR ||
  path.resolve(root, "..", "shared", "data", "fashion-products")

/** Only these master categories are things a fashion store sells in sizes or as one-size items. */
export const SELLABLE_MASTER = new Set(["Apparel", "Footwear", "Accessories"])

export function readStyles(dir) {
  const text = fs.readFileSync(path.join(dir, "styles.csv"), "utf8").trim()
  const [header, ...lines] = text.split(/\r?\n/)
  const keys = header.split(",")
  return lines.map((line) => {
    const cells = line.split(",")
    return Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? "").trim()]))
  })
}
