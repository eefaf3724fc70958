import { garmentFamily } from "../garment-family"

describe("garmentFamily", () => {
  it.each([
    ["Tshirts", "top"],
    ["Kurtas", "top"],
    ["Jackets", "outerwear"],
    ["Jeans", "bottom"],
    ["Dresses", "dress"],
    ["Casual Shoes", "shoes"],
    ["Flip Flops", "shoes"],
    ["Handbags", "bag"],
    ["Backpacks", "bag"],
    ["Watches", "accessory"],
    ["Belts", "accessory"],
  ])("files %s under %s", (type, family) =>
    expect(garmentFamily(type)).toBe(family)
  )

  it("has no family without an article type", () => {
    expect(garmentFamily(null)).toBeNull()
    expect(garmentFamily("")).toBeNull()
  })
})
