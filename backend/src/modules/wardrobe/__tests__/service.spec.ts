import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { WARDROBE_MODULE } from ".."
import WardrobeModuleService from "../service"
import { WardrobeItem } from "../models/wardrobe-item"
import { Outfit } from "../models/outfit"
import { OutfitItem } from "../models/outfit-item"
import { Wear } from "../models/wear"
import { wardrobeStats } from "../stats"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<WardrobeModuleService>({
  moduleName: WARDROBE_MODULE,
  moduleModels: [WardrobeItem, Outfit, OutfitItem, Wear],
  resolve: "./src/modules/wardrobe",
  testSuite: ({ service }) => {
    it("counts one wear per item per day, even when logged twice or through an outfit", async () => {
      const item = await service.createWardrobeItems({
        customer_id: "cus_a",
        article_type: "Tshirts",
        price_paid: 30,
        currency_code: "eur",
      } as any)
      expect(
        await service.logWears("cus_a", [item.id], "2026-11-01")
      ).toHaveLength(1)
      expect(
        await service.logWears(
          "cus_a",
          [item.id, item.id],
          "2026-11-01",
          "outfit_x"
        )
      ).toHaveLength(0)
      expect(
        await service.logWears("cus_a", [item.id], "2026-11-02")
      ).toHaveLength(1)
      const stats = await service.stats("cus_a", new Date("2026-11-10"))
      expect(stats.cost_per_wear).toEqual([
        expect.objectContaining({
          item_id: item.id,
          wears: 2,
          cost_per_wear: 15,
        }),
      ])
    })

    it("refuses a wear date that is not a day", async () => {
      await expect(
        service.logWears("cus_a", ["witem_1"], "1 Nov")
      ).rejects.toThrow(/YYYY-MM-DD/)
      await expect(
        service.logWears("cus_a", ["witem_1"], "2026-02-31")
      ).rejects.toThrow(/YYYY-MM-DD/)
      await expect(
        service.logWears("cus_a", ["witem_1"], "2026-13-45")
      ).rejects.toThrow(/YYYY-MM-DD/)
    })

    it("answers NOT_FOUND for another customer's item", async () => {
      const item = await service.createWardrobeItems({
        customer_id: "cus_a",
      } as any)
      await expect(service.ownedItem("cus_b", item.id)).rejects.toThrow(
        `"${item.id}" was not found`
      )
      expect((await service.ownedItem("cus_a", item.id)).id).toBe(item.id)
    })

    it("keeps one item per order line: a second insert of the same line fails", async () => {
      await service.createWardrobeItems({
        customer_id: "cus_a",
        source: "order",
        order_line_item_id: "ordli_1",
      } as any)
      await expect(
        service.createWardrobeItems({
          customer_id: "cus_a",
          source: "order",
          order_line_item_id: "ordli_1",
        } as any)
      ).rejects.toThrow()
    })

    it("erases a customer's items, outfits and wears and names their files, leaving other customers alone", async () => {
      const a = await service.createWardrobeItems({
        customer_id: "cus_a",
        image_file_id: "private-1.jpg",
        cutout_file_id: "private-2.jpg",
      } as any)
      const b = await service.createWardrobeItems({
        customer_id: "cus_b",
      } as any)
      const outfit = await service.createOutfits({
        customer_id: "cus_a",
        name: "Mon",
        collage_file_id: "private-3.jpg",
      } as any)
      await service.createOutfitItems({
        outfit_id: outfit.id,
        wardrobe_item_id: a.id,
        rank: 0,
      } as any)
      await service.logWears("cus_a", [a.id], "2026-11-01", outfit.id)
      await service.logWears("cus_b", [b.id], "2026-11-01")
      const erased = await service.eraseCustomer("cus_a")
      expect(erased).toEqual({
        items: 1,
        outfits: 1,
        wears: 1,
        files: ["private-1.jpg", "private-2.jpg", "private-3.jpg"],
      })
      expect(
        await service.listWardrobeItems(
          { customer_id: "cus_a" },
          { withDeleted: true }
        )
      ).toHaveLength(0)
      expect(
        await service.listOutfitItems({}, { withDeleted: true })
      ).toHaveLength(0)
      expect(
        await service.listWears({ customer_id: "cus_a" }, { withDeleted: true })
      ).toHaveLength(0)
      expect(await service.listWears({ customer_id: "cus_b" })).toHaveLength(1)
    })
  },
})

describe("wardrobeStats", () => {
  const today = new Date("2026-12-01T12:00:00Z")
  const items = [
    {
      id: "a",
      family: "top",
      colour: "Navy Blue",
      price_paid: 40,
      currency_code: "eur",
      created_at: "2026-01-01",
    },
    {
      id: "b",
      family: "top",
      colour: "White",
      price_paid: 10,
      currency_code: "eur",
      created_at: "2026-11-20",
    },
    {
      id: "c",
      family: "shoes",
      colour: "Navy Blue",
      price_paid: 90,
      currency_code: "eur",
      created_at: "2026-01-01",
    },
    {
      id: "d",
      family: "bag",
      colour: "Black",
      price_paid: 99,
      currency_code: "eur",
      archived: true,
    },
  ]
  const wears = [
    { wardrobe_item_id: "a", worn_on: "2026-11-01" },
    { wardrobe_item_id: "a", worn_on: "2026-11-02" },
    { wardrobe_item_id: "a", worn_on: "2026-11-02" },
    { wardrobe_item_id: "a", worn_on: "2026-11-03" },
    { wardrobe_item_id: "a", worn_on: "2026-11-04" },
    { wardrobe_item_id: "c", worn_on: "2026-03-01" },
  ]
  const s = wardrobeStats(items, wears, { today })

  it("divides the price paid by the distinct days worn", () => {
    expect(s.cost_per_wear.find((v) => v.item_id === "a")).toMatchObject({
      wears: 4,
      cost_per_wear: 10,
      last_worn_on: "2026-11-04",
    })
    expect(s.cost_per_wear.find((v) => v.item_id === "c")).toMatchObject({
      wears: 1,
      cost_per_wear: 90,
    })
    expect(s.cost_per_wear.find((v) => v.item_id === "b")).toMatchObject({
      wears: 0,
      cost_per_wear: null,
    })
  })

  it("sums items and value by family and colour, leaving archived items out", () => {
    expect(s.items).toBe(3)
    expect(s.value).toEqual({ eur: 140 })
    expect(s.by_family).toEqual([
      { family: "top", items: 2, value: { eur: 50 } },
      { family: "shoes", items: 1, value: { eur: 90 } },
    ])
    expect(s.by_colour[0]).toEqual({
      colour: "Navy Blue",
      items: 2,
      value: { eur: 130 },
    })
    expect(s.palette).toEqual([
      { colour: "Navy Blue", items: 2, share: 0.67 },
      { colour: "White", items: 1, share: 0.33 },
    ])
  })

  it("ranks best and worst value, never-worn, not worn in 90 days and most worn", () => {
    expect(s.best_value.map((v) => v.item_id)).toEqual(["a", "c"])
    expect(s.worst_value.map((v) => v.item_id)).toEqual(["c", "a"])
    expect(s.never_worn.map((v) => v.item_id)).toEqual(["b"])
    // c last worn in March; b is new, so not counted
    expect(s.not_worn_in_90_days.map((v) => v.item_id)).toEqual(["c"])
    expect(s.most_worn.map((v) => v.item_id)).toEqual(["a", "c"])
  })
})
