import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { RECOMMENDATIONS_MODULE } from ".."
import RecommendationsModuleService from "../service"
import { RecSignal } from "../models/signal"
import { Recommendation } from "../models/recommendation"
import { RecFeedback } from "../models/feedback"
import { ItemSimilarity } from "../models/item-similarity"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<RecommendationsModuleService>({
  moduleName: RECOMMENDATIONS_MODULE,
  moduleModels: [RecSignal, Recommendation, RecFeedback, ItemSimilarity],
  resolve: "./src/modules/recommendations",
  testSuite: ({ service }) => {
    it("records signals with each kind's default weight and sums a shopper's taste per product", async () => {
      await service.record([
        { customer_id: "cus_a", product_id: "p1", kind: "like" },
        { customer_id: "cus_a", product_id: "p1", kind: "view" },
        { customer_id: "cus_a", product_id: "p2", kind: "dislike" },
        { customer_id: "cus_b", product_id: "p1", kind: "purchase" },
      ])
      const taste = await service.tasteOf("cus_a")
      expect(taste.get("p1")).toBeCloseTo(1.2, 10)
      expect(taste.get("p2")).toBe(-1)
      expect(taste.has("p3")).toBe(false)
    })

    it("trains from positive signals only and serves the newest model from Postgres", async () => {
      expect((await service.latestModel()).neighbours).toEqual({})
      await service.record([
        { customer_id: "u1", product_id: "a", kind: "purchase" },
        { customer_id: "u1", product_id: "b", kind: "purchase" },
        { customer_id: "u2", product_id: "a", kind: "cart" },
        { customer_id: "u2", product_id: "b", kind: "like" },
        { customer_id: "u3", product_id: "a", kind: "like" },
        { customer_id: "u3", product_id: "c", kind: "like" },
        { customer_id: "u4", product_id: "b", kind: "like" },
        // liked then disliked: net zero, not in u5's basket
        { customer_id: "u5", product_id: "a", kind: "like" },
        { customer_id: "u5", product_id: "a", kind: "dislike" },
        { customer_id: "u5", product_id: "c", kind: "like" },
      ])
      const stats = await service.train({ lambda: 1 })
      expect(stats).toMatchObject({ shoppers: 5, items: 3 })
      const model = await service.latestModel()
      // same hand-checked matrix as the unit test, plus u5 = {c}: c=2
      expect(model.popularity).toEqual({ a: 3, b: 3, c: 2 })
      expect(model.neighbours.a).toEqual([
        ["b", 0.5],
        ["c", expect.closeTo(1 / (Math.sqrt(6) + 1), 10)],
      ])
    })

    it("keeps the last three trained models only", async () => {
      await service.record([
        { customer_id: "u1", product_id: "a", kind: "like" },
      ])
      for (let i = 0; i < 5; i++) await service.train()
      expect(await service.listItemSimilarities({})).toHaveLength(3)
    })

    it("gives a recommendation to its customer only", async () => {
      const rec = await service.createRecommendations({
        customer_id: "cus_a",
        kind: "product",
        payload: { items: [], reason: "x", score: 1 },
      } as any)
      expect((await service.recommendationOf("cus_a", rec.id))?.id).toBe(rec.id)
      expect(await service.recommendationOf("cus_b", rec.id)).toBeNull()
    })
  },
})
