import { clearOffers, contextKey, dueForRefresh, forgetOffers, judge, predictedFailure, recallOffer, rememberOffer, type Offer } from "../offers"
import { forgetProducts } from "../prefilter"

const offer = (variants: Partial<Offer["variants"][number]>[], sold = true): Offer => ({
  sold,
  product: { id: "prod_a", title: "Tee", handle: "tee", thumbnail: null },
  variants: variants.map((v, i) => ({ id: `var_${i}`, title: `V${i}`, size: "M", amount: 40, currency: "eur", in_stock: true, ...v })),
})
const EU = contextKey("reg_eu", ["sc_1"])

describe("offer sheet", () => {
  beforeEach(() => clearOffers())

  it("judges an offer by the contract: region, then size, then stock, then budget", () => {
    expect(judge(offer([{}], false), { region_id: "reg_eu" })).toBe("not_in_region")
    expect(judge(offer([{ amount: null }]), { region_id: "reg_eu" })).toBe("not_in_region")
    expect(judge(offer([{ size: "L" }]), { region_id: "reg_eu", size: "m" })).toBe("no_size")
    expect(judge(offer([{ size: "M", in_stock: false }, { size: "L" }]), { region_id: "reg_eu", size: "M" })).toBe("out_of_stock")
    expect(judge(offer([{ amount: 70 }]), { region_id: "reg_eu", max_price: 60 })).toBe("over_budget")
    expect(judge(offer([{ amount: 70 }]), { region_id: "reg_eu", min_price: 80 })).toBe("over_budget")
    const ok = judge(offer([{ size: "M", amount: 55 }, { size: "M", amount: 75 }, { size: "S", amount: 20 }]), { region_id: "reg_eu", size: "M", max_price: 60 })
    expect(ok).toEqual({
      product: { id: "prod_a", title: "Tee", handle: "tee", thumbnail: null },
      variants: [{ id: "var_0", title: "V0", size: "M", calculated_price: 55, currency_code: "eur", in_stock: true }],
    })
  })

  it("predicts only failures, only in the context it was read for, and only while fresh", () => {
    rememberOffer(EU, "prod_a", offer([{ amount: 70 }]))
    expect(predictedFailure(EU, "prod_a", { region_id: "reg_eu", max_price: 60 })).toBe("over_budget")
    expect(predictedFailure(EU, "prod_a", { region_id: "reg_eu", max_price: 80 })).toBeUndefined() // may pass: checked fresh
    expect(predictedFailure(contextKey("reg_us", ["sc_1"]), "prod_a", { region_id: "reg_us", max_price: 1 })).toBeUndefined()
    expect(predictedFailure(contextKey("reg_eu", ["sc_2"]), "prod_a", { region_id: "reg_eu", max_price: 1 })).toBeUndefined()
    expect(predictedFailure(EU, "prod_unseen", { region_id: "reg_eu", max_price: 1 })).toBeUndefined()
    rememberOffer(EU, "prod_old", offer([{ amount: 70 }]), Date.now() - 10 * 60_000)
    expect(recallOffer(EU, "prod_old")).toBeUndefined()
    expect(predictedFailure(EU, "prod_old", { region_id: "reg_eu", max_price: 1 })).toBeUndefined()
    expect(dueForRefresh(EU, ["prod_a", "prod_old", "prod_new"], 60_000)).toEqual(["prod_old", "prod_new"])
  })

  it("forgets a product that changed, in every context", () => {
    rememberOffer(EU, "prod_c", offer([{ amount: 100 }]))
    rememberOffer(contextKey("reg_us", []), "prod_c", offer([{ amount: 110 }]))
    forgetProducts(["prod_c"])
    expect(recallOffer(EU, "prod_c")).toBeUndefined()
    expect(recallOffer(contextKey("reg_us", []), "prod_c")).toBeUndefined()
    rememberOffer(EU, "prod_d", offer([{}]))
    forgetOffers(["prod_d"])
    expect(recallOffer(EU, "prod_d")).toBeUndefined()
  })
})
