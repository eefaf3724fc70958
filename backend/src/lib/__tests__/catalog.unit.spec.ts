import { planProduct, sizesFor, type StyleRow } from "../catalog"

const row = (over: Partial<StyleRow>): StyleRow => ({
  id: "15970",
  gender: "Men",
  masterCategory: "Apparel",
  subCategory: "Topwear",
  articleType: "Shirts",
  baseColour: "Navy Blue",
  season: "Fall",
  year: "2011",
  usage: "Casual",
  ...over,
})

describe("catalogue planning", () => {
  it("sizes apparel XS–XXL, shoes in EU sizes by gender, accessories one-size", () => {
    expect(sizesFor(row({}))).toEqual(["XS", "S", "M", "L", "XL", "XXL"])
    expect(
      sizesFor(row({ masterCategory: "Footwear", gender: "Women" }))
    ).toEqual(["36", "37", "38", "39", "40", "41", "42"])
    expect(
      sizesFor(row({ masterCategory: "Footwear", gender: "Men" }))[0]
    ).toBe("39")
    expect(
      sizesFor(row({ masterCategory: "Accessories", articleType: "Watches" }))
    ).toEqual(["One Size"])
  })
  it("is deterministic and keeps the source labels", () => {
    const a = planProduct(row({}))
    expect(planProduct(row({}))).toEqual(a)
    expect(a.title).toBe("Men's Navy Blue Shirt")
    expect(a.handle).toBe("men-s-navy-blue-shirt-15970")
    expect(a.metadata).toMatchObject({
      source_id: "15970",
      article_type: "Shirts",
      base_colour: "Navy Blue",
      gender: "Men",
    })
    expect(a.categoryPath).toEqual(["Men", "Apparel", "Shirts"])
    expect(a.tags).toEqual(["colour:Navy Blue", "season:Fall", "usage:Casual"])
  })
  it("prices each variant in EUR and USD, ending in .99", () => {
    for (const v of planProduct(row({})).variants) {
      expect(v.prices.eur % 1).toBeCloseTo(0.99)
      expect(v.prices.usd).toBeGreaterThan(v.prices.eur)
    }
  })
})
