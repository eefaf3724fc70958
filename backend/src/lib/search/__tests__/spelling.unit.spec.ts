import { closestWord, editDistance } from "../spelling"
import { synonymsFor } from "../synonyms"

describe("spelling fixes", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("tshrit", "tshirt")).toBe(1)
    expect(editDistance("jeens", "jeans")).toBe(1)
    expect(editDistance("sneekers", "sneakers")).toBe(1)
    expect(editDistance("shirt", "shoes", 2)).toBe(3)
  })

  it("picks the catalogue word closest to a misspelt one, and nothing when none is close", () => {
    const words = [
      "tshirts",
      "tshirt",
      "shirts",
      "jeans",
      "sneakers",
      "black",
      "navy",
    ]
    expect(closestWord("tshrit", words)).toBe("tshirt")
    expect(closestWord("blakc", words)).toBe("black")
    expect(closestWord("qzxv", words)).toBeNull()
  })
})

describe("synonyms", () => {
  it("indexes every word of a group when the product uses one of them", () => {
    expect(synonymsFor(["Men's White T-Shirt", "Tshirts"])).toEqual(
      expect.arrayContaining(["tee", "t-shirt"])
    )
    expect(synonymsFor(["Women's Black Sports Shoes"])).toEqual(
      expect.arrayContaining(["sneakers", "trainers"])
    )
    expect(synonymsFor(["Men's Grey Trousers"])).toContain("pants")
  })

  it("does not take a T-shirt for a shirt", () => {
    expect(synonymsFor(["Men's White T-Shirt"])).not.toContain("button-down")
  })
})
