import { judge, type ProductRead, type VariantRead } from ".."

const read = (
  variants: Partial<VariantRead>[],
  over: Partial<ProductRead> = {}
): ProductRead => ({
  product: { id: "prod_a", title: "Tee", handle: "tee", thumbnail: null },
  status: "published",
  channels: ["sc_1"],
  variants: variants.map((v, i) => ({
    id: `var_${i}`,
    title: `V${i}`,
    size: "M",
    amount: 40,
    currency: "eur",
    quantity: 3,
    ...v,
  })),
  ...over,
})
const EU = { region_id: "reg_eu", sales_channel_ids: ["sc_1"] }

describe("the buyability rule (judge)", () => {
  it.each([
    ["a draft product", read([{}], { status: "draft" }), EU, "not_published"],
    ["an unknown product", read([], { status: null }), EU, "not_published"],
    [
      "a product of another sales channel",
      read([{}], { channels: ["sc_2"] }),
      EU,
      "not_in_sales_channel",
    ],
    ["a product without variants", read([]), EU, "not_priced_in_region"],
    [
      "a product with no price in the region",
      read([{ amount: null }]),
      EU,
      "not_priced_in_region",
    ],
    [
      "a product priced only in another size",
      read([{ size: "M", amount: null }, { size: "L" }]),
      { ...EU, size: "m" },
      "no_size",
    ],
    [
      "a product without the size",
      read([{ size: "L" }]),
      { ...EU, size: "M" },
      "no_size",
    ],
    [
      "a product whose size is out of stock",
      read([{ size: "M", quantity: 0 }, { size: "L" }]),
      { ...EU, size: "M" },
      "out_of_stock",
    ],
    [
      "a product with fewer units than wanted",
      read([{ quantity: 2 }]),
      { ...EU, quantity: 3 },
      "out_of_stock",
    ],
    [
      "a product above the budget",
      read([{ amount: 70 }]),
      { ...EU, max_price: 60 },
      "over_budget",
    ],
    [
      "a product below the minimum price",
      read([{ amount: 30 }]),
      { ...EU, min_price: 35 },
      "under_budget",
    ],
  ])("rules out %s", (_, r, ctx, reason) => {
    const offer = judge(r, ctx)
    expect(offer.variants).toEqual([])
    expect(offer.reason).toBe(reason)
  })

  it("sells the variants that pass every check and gives each excluded one its first failed check", () => {
    const offer = judge(
      read([
        { size: "M", amount: 55 },
        { size: "M", amount: 75 },
        { size: "S", amount: 20 },
        { size: "M", amount: null },
        { size: "M", quantity: 0 },
      ]),
      { ...EU, size: "M", max_price: 60 }
    )
    expect(offer.reason).toBeNull()
    expect(offer.variants).toEqual([
      {
        id: "var_0",
        title: "V0",
        size: "M",
        calculated_price: 55,
        currency_code: "eur",
        in_stock: true,
        quantity: 3,
      },
    ])
    expect(offer.excluded).toEqual([
      { variant_id: "var_1", reason: "over_budget" },
      { variant_id: "var_2", reason: "no_size" },
      { variant_id: "var_3", reason: "not_priced_in_region" },
      { variant_id: "var_4", reason: "out_of_stock" },
    ])
  })

  it("counts a variant without managed inventory as always in stock, for any quantity", () => {
    expect(
      judge(read([{ quantity: null }]), { ...EU, quantity: 50 }).variants
    ).toHaveLength(1)
  })

  it("treats a request without sales channels as every channel", () => {
    expect(
      judge(read([{}], { channels: [] }), { region_id: "reg_eu" }).reason
    ).toBeNull()
  })

  it("rules out variants of other sizes that were not read as no_size", () => {
    const offer = judge(
      read([{ size: "M" }], { unread_variant_ids: ["var_l"] }),
      { ...EU, size: "M" }
    )
    expect(offer.excluded).toEqual([{ variant_id: "var_l", reason: "no_size" }])
  })
})
