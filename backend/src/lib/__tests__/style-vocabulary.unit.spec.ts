import fs from "node:fs"
import path from "node:path"
import { parseStylesCsv, planProduct, sizesFor } from "../catalog"
import { COLOURS, GENDERS, SIZES, STYLES, familyOf } from "../style-vocabulary"

const demoCsv = path.resolve(__dirname, "../../../data/demo-catalog/styles.csv")
const sharedCsv = path.join(
  process.env.CURATOR_DATASET_DIR ||
    path.resolve(__dirname, "../../../../../shared/data/fashion-products"),
  "styles.csv"
)
const SELLABLE = new Set(["Apparel", "Footwear", "Accessories"])
const rowsOf = (file: string) =>
  parseStylesCsv(fs.readFileSync(file, "utf8")).filter((r) =>
    SELLABLE.has(r.masterCategory)
  )

describe("style vocabulary", () => {
  const sources = [demoCsv, ...(fs.existsSync(sharedCsv) ? [sharedCsv] : [])]

  it.each(sources)(
    "knows every style, colour and gender the catalogue built from %s uses",
    (file) => {
      for (const row of rowsOf(file)) {
        const { metadata } = planProduct(row)
        if (metadata.usage !== "NA") expect(STYLES).toContain(metadata.usage)
        if (metadata.base_colour !== "NA")
          expect(COLOURS).toContain(metadata.base_colour)
        expect(GENDERS).toContain(metadata.gender)
      }
    }
  )

  it.each(sources)(
    "offers every size a sized product of %s is sold in, for its family",
    (file) => {
      for (const row of rowsOf(file)) {
        const family = familyOf(planProduct(row).metadata)
        expect(family).not.toBeNull()
        if (family === "accessories") continue
        for (const size of sizesFor(row)) expect(SIZES[family!]).toContain(size)
      }
    }
  )

  it("puts shirts in tops, jeans in bottoms, dresses in dresses, shoes in shoes and watches in accessories", () => {
    const fam = (
      master_category: string,
      sub_category: string,
      article_type: string
    ) => familyOf({ master_category, sub_category, article_type })
    expect(fam("Apparel", "Topwear", "Shirts")).toBe("top")
    expect(fam("Apparel", "Bottomwear", "Jeans")).toBe("bottom")
    expect(fam("Apparel", "Dress", "Dresses")).toBe("dress")
    expect(fam("Apparel", "Innerwear", "Bra")).toBe("top")
    expect(fam("Apparel", "Innerwear", "Briefs")).toBe("bottom")
    expect(fam("Footwear", "Shoes", "Casual Shoes")).toBe("shoes")
    expect(fam("Accessories", "Watches", "Watches")).toBe("accessories")
    expect(
      fam("Personal Care", "Fragrance", "Perfume and Body Mist")
    ).toBeNull()
  })
})
