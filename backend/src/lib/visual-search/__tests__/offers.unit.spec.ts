import {
  forgetProducts,
  type ProductRead,
  type VariantRead,
} from "../../offers"
import {
  contextKey,
  dueForRefresh,
  predictedFailure,
  recallOffer,
  rememberOffer,
} from "../offers"
import { asSearchResult } from "../purchasable"
import { judge } from "../../offers"

const read = (
  variants: Partial<VariantRead>[],
  status = "published"
): ProductRead => ({
  product: { id: "prod_a", title: "Tee", handle: "tee", thumbnail: null },
  status,
  channels: ["sc_1"],
  variants: variants.map((v, i) => ({
    id: `var_${i}`,
    title: `V${i}`,
    size: "M",
    amount: 40,
    currency: "eur",
    quantity: 2,
    ...v,
  })),
})
const EU = contextKey("reg_eu", ["sc_1"])
const eu = (c: Record<string, unknown> = {}) => ({
  region_id: "reg_eu",
  salesChannelIds: ["sc_1"],
  ...c,
})

describe("offer sheet", () => {
  it("maps the rule's reasons onto the search's filtered_out keys", () => {
    const c = { region_id: "reg_eu", sales_channel_ids: ["sc_1"] }
    expect(asSearchResult(judge(read([{}], "draft"), c))).toBe("not_in_region")
    expect(asSearchResult(judge(read([{ amount: null }]), c))).toBe(
      "not_in_region"
    )
    expect(
      asSearchResult(judge(read([{ size: "L" }]), { ...c, size: "m" }))
    ).toBe("no_size")
    expect(
      asSearchResult(
        judge(read([{ size: "M", quantity: 0 }, { size: "L" }]), {
          ...c,
          size: "M",
        })
      )
    ).toBe("out_of_stock")
    expect(
      asSearchResult(judge(read([{ amount: 70 }]), { ...c, max_price: 60 }))
    ).toBe("over_budget")
    expect(
      asSearchResult(judge(read([{ amount: 70 }]), { ...c, min_price: 80 }))
    ).toBe("over_budget")
    expect(
      asSearchResult(
        judge(
          read([
            { size: "M", amount: 55 },
            { size: "M", amount: 75 },
          ]),
          { ...c, size: "M", max_price: 60 }
        )
      )
    ).toEqual({
      product: { id: "prod_a", title: "Tee", handle: "tee", thumbnail: null },
      variants: [
        {
          id: "var_0",
          title: "V0",
          size: "M",
          calculated_price: 55,
          currency_code: "eur",
          in_stock: true,
        },
      ],
    })
  })

  it("predicts only failures, only in the context it was read for, and only while fresh", () => {
    rememberOffer(EU, "prod_a", read([{ amount: 70 }]))
    expect(predictedFailure(EU, "prod_a", eu({ max_price: 60 }))).toBe(
      "over_budget"
    )
    expect(
      predictedFailure(EU, "prod_a", eu({ max_price: 80 }))
    ).toBeUndefined() // may pass: checked fresh
    expect(
      predictedFailure(contextKey("reg_us", ["sc_1"]), "prod_a", {
        region_id: "reg_us",
        salesChannelIds: ["sc_1"],
        max_price: 1,
      })
    ).toBeUndefined()
    expect(
      predictedFailure(
        contextKey("reg_eu", ["sc_2"]),
        "prod_a",
        eu({ salesChannelIds: ["sc_2"], max_price: 1 })
      )
    ).toBeUndefined()
    expect(
      predictedFailure(EU, "prod_unseen", eu({ max_price: 1 }))
    ).toBeUndefined()
    rememberOffer(
      EU,
      "prod_old",
      read([{ amount: 70 }]),
      Date.now() - 10 * 60_000
    )
    expect(recallOffer(EU, "prod_old")).toBeUndefined()
    expect(
      predictedFailure(EU, "prod_old", eu({ max_price: 1 }))
    ).toBeUndefined()
    expect(
      dueForRefresh(EU, ["prod_a", "prod_old", "prod_new"], 60_000)
    ).toEqual(["prod_old", "prod_new"])
  })

  it("forgets a product in every context when the buyability rule forgets it", () => {
    rememberOffer(EU, "prod_c", read([{ amount: 100 }]))
    rememberOffer(contextKey("reg_us", []), "prod_c", read([{ amount: 110 }]))
    forgetProducts(["prod_c"])
    expect(recallOffer(EU, "prod_c")).toBeUndefined()
    expect(recallOffer(contextKey("reg_us", []), "prod_c")).toBeUndefined()
  })
})
