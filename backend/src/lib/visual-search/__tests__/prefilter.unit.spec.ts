import { forgetProducts, outOfBudget, rememberPriceRange } from "../prefilter"

describe("search pre-filter: remembered price ranges", () => {
  it("skips only products whose every price misses the budget", () => {
    rememberPriceRange("reg_eu", "prod_a", [40, 55, 70])
    expect(outOfBudget("reg_eu", "prod_a", { max_price: 30 })).toBe(true) // cheapest is 40
    expect(outOfBudget("reg_eu", "prod_a", { max_price: 40 })).toBe(false)
    expect(outOfBudget("reg_eu", "prod_a", { min_price: 80 })).toBe(true) // dearest is 70
    expect(outOfBudget("reg_eu", "prod_a", { min_price: 50, max_price: 60 })).toBe(false)
  })

  it("knows nothing of other regions or unseen products, so skips nothing there", () => {
    rememberPriceRange("reg_eu", "prod_b", [100])
    expect(outOfBudget("reg_us", "prod_b", { max_price: 10 })).toBe(false)
    expect(outOfBudget("reg_eu", "prod_unseen", { max_price: 1 })).toBe(false)
  })

  it("forgets a product when it changes", () => {
    rememberPriceRange("reg_eu", "prod_c", [100])
    rememberPriceRange("reg_us", "prod_c", [110])
    forgetProducts(["prod_c"])
    expect(outOfBudget("reg_eu", "prod_c", { max_price: 10 })).toBe(false)
    expect(outOfBudget("reg_us", "prod_c", { max_price: 10 })).toBe(false)
  })
})
