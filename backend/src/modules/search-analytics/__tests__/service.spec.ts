import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SEARCH_ANALYTICS_MODULE } from ".."
import SearchAnalyticsModuleService from "../service"
import { ZeroResultQuery } from "../models/zero-result-query"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<SearchAnalyticsModuleService>({
  moduleName: SEARCH_ANALYTICS_MODULE,
  moduleModels: [ZeroResultQuery],
  resolve: "./src/modules/search-analytics",
  testSuite: ({ service }) => {
    it("records a zero-result query normalised, with its region, engine and time", async () => {
      const before = Date.now()
      const row = (await service.recordZeroResult({
        query: "  Navy   SHIRTT ",
        region_id: "reg_1",
        engine: "postgres",
      })) as any
      expect(row).toEqual(
        expect.objectContaining({
          query: "navy shirtt",
          region_id: "reg_1",
          engine: "postgres",
        })
      )
      expect(new Date(row.created_at).getTime()).toBeGreaterThanOrEqual(
        before - 1000
      )
      expect(
        await service.recordZeroResult({ query: "   ", engine: "postgres" })
      ).toBeNull()
      expect(await service.listZeroResultQueries({})).toHaveLength(1)
    })

    it("ranks the most frequent zero-result queries since a date", async () => {
      for (const q of ["qzx", "Qzx", "blorp", "qzx "])
        await service.recordZeroResult({
          query: q,
          region_id: null,
          engine: "postgres",
        })
      const top = await service.topZeroResultQueries(
        new Date(Date.now() - 60_000)
      )
      expect(top.map((t) => [t.query, t.searches])).toEqual([
        ["qzx", 3],
        ["blorp", 1],
      ])
      expect(
        await service.topZeroResultQueries(new Date(Date.now() + 60_000))
      ).toEqual([])
    })
  },
})
