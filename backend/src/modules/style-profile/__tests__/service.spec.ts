import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { STYLE_PROFILE_MODULE } from ".."
import StyleProfileModuleService from "../service"
import { StyleProfile } from "../models/style-profile"
import { StyleLike } from "../models/style-like"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<StyleProfileModuleService>({
  moduleName: STYLE_PROFILE_MODULE,
  moduleModels: [StyleProfile, StyleLike],
  resolve: "./src/modules/style-profile",
  testSuite: ({ service }) => {
    it("gives a customer without a profile the empty shape", async () => {
      expect(await service.profileOf("cus_none")).toBeNull()
      expect(StyleProfileModuleService.toShape(null)).toEqual({
        sizes: {},
        budget: { max_item: null, min_item: null, by_family: {} },
        styles: [],
        colours: { liked: [], disliked: [] },
        brands: [],
        gender: null,
        country_code: null,
      })
    })

    it("stores sizes, budgets to the cent, lists and country and reads them back in the API shape", async () => {
      await service.createStyleProfiles({
        customer_id: "cus_a",
        sizes: { top: "M", shoes: "42" },
        budget_max_item: 59.99,
        budget_by_family: { shoes: 120.5 },
        styles: ["Casual", "Formal"],
        colours_liked: ["Navy Blue"],
        colours_disliked: ["Pink"],
        gender: "Men",
        country_code: "de",
      } as any)
      expect(
        StyleProfileModuleService.toShape(
          (await service.profileOf("cus_a")) as any
        )
      ).toEqual({
        sizes: { top: "M", shoes: "42" },
        budget: {
          max_item: 59.99,
          min_item: null,
          by_family: { shoes: 120.5 },
        },
        styles: ["Casual", "Formal"],
        colours: { liked: ["Navy Blue"], disliked: ["Pink"] },
        brands: [],
        gender: "Men",
        country_code: "de",
      })
    })

    it("replaces sizes and per-family budgets on replaceStyleProfile instead of merging them", async () => {
      const p = await service.createStyleProfiles({
        customer_id: "cus_r",
        sizes: { top: "M", dress: "S" },
        budget_by_family: { shoes: 100, top: 30 },
      } as any)
      const fields = {
        ...StyleProfileModuleService.fieldsOf(p as any),
        sizes: { top: "L" },
        budget_by_family: { shoes: 90 },
      }
      await service.replaceStyleProfile(p.id, fields)
      const shape = StyleProfileModuleService.toShape(
        (await service.profileOf("cus_r")) as any
      )
      expect(shape.sizes).toEqual({ top: "L" })
      expect(shape.budget.by_family).toEqual({ shoes: 90 })
    })

    it("keeps one profile per customer", async () => {
      await service.createStyleProfiles({ customer_id: "cus_b" } as any)
      await expect(
        service.createStyleProfiles({ customer_id: "cus_b" } as any)
      ).rejects.toThrow(/already exists/)
    })

    it("keeps each liked product once per customer and lists a customer's likes only", async () => {
      await service.createStyleLikes([
        { customer_id: "cus_c", product_id: "prod_1" },
        { customer_id: "cus_c", product_id: "prod_2" },
        { customer_id: "cus_d", product_id: "prod_1" },
      ] as any)
      await expect(
        service.createStyleLikes({
          customer_id: "cus_c",
          product_id: "prod_1",
        } as any)
      ).rejects.toThrow(/already exists/)
      const likes = await service.likesOf("cus_c")
      expect(likes.map((l: any) => [l.product_id, l.source])).toEqual([
        ["prod_1", "quiz"],
        ["prod_2", "quiz"],
      ])
    })
  },
})
