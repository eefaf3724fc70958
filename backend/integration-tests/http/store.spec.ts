import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import fs from "node:fs"
import path from "node:path"
import { parseStylesCsv, planProduct, sizesFor } from "../../src/lib/catalog"
import seed from "../../src/scripts/seed"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"

jest.setTimeout(240 * 1000)

const COUNT = 40
const demoRows = parseStylesCsv(
  fs.readFileSync(
    path.join(__dirname, "../../data/demo-catalog/styles.csv"),
    "utf8"
  )
).slice(0, COUNT)
const plans = new Map(
  demoRows.map((r) => [r.id, { row: r, plan: planProduct(r) }])
)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regions: Awaited<ReturnType<typeof seedDemo>>["regions"]
    const store = () => ({ headers: { "x-publishable-api-key": pk } })

    beforeAll(async () => {
      ;({ pk, regions } = await seedDemo(getContainer(), COUNT))
      await createAdmin(getContainer())
    })

    it("answers the health check", async () => {
      const res = await api.get("/health")
      expect(res.status).toBe(200)
      expect(res.data).toBe("OK")
    })

    it("leaves planner statistics behind its bulk load (autovacuum may be off)", async () => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      // the catalog the planner reads (pg_class.reltuples: -1 or 0 until analysed; pg_stats: the
      // column statistics), not the cumulative statistics views, which are updated asynchronously
      const { rows } = await pg.raw(
        `select c.relname from pg_class c
          where c.relname in ('inventory_level', 'price', 'product_variant', 'product')
            and c.relkind = 'r'
            and (c.reltuples <= 0
              or not exists (select 1 from pg_stats s where s.tablename = c.relname))`
      )
      expect(rows).toEqual([])
    })

    it("refuses the store API without a publishable key", async () => {
      const res = await api.get("/store/products").catch((e: any) => e.response)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/publishable/i)
    })

    for (const currency of ["eur", "usd"] as const) {
      it(`lists every seeded product with sizes and ${currency.toUpperCase()} prices in its region`, async () => {
        const res = await api.get(
          `/store/products?limit=100&region_id=${regions[currency].id}&fields=*variants.calculated_price,+variants.inventory_quantity,*variants.options,+metadata`,
          store()
        )
        expect(res.status).toBe(200)
        expect(res.data.count).toBe(COUNT)
        for (const p of res.data.products) {
          const { row, plan } = plans.get(p.metadata.source_id)!
          expect(p.metadata).toMatchObject({
            article_type: row.articleType,
            base_colour: row.baseColour,
            gender: row.gender,
          })
          expect(p.thumbnail).toMatch(/\/static\/.*\.jpg$/)
          const sizes = p.variants.map((v: any) => v.options[0].value).sort()
          expect(sizes).toEqual([...sizesFor(row)].sort())
          for (const v of p.variants) {
            expect(v.calculated_price.currency_code).toBe(currency)
            expect(v.calculated_price.calculated_amount).toBe(
              plan.variants[0].prices[currency]
            )
            const stock = plan.variants.find(
              (pv) => pv.size === v.options[0].value
            )!.stock
            // Medusa sums stock over every warehouse of the sales channel
            expect(v.inventory_quantity).toBe(stock.eu + stock.us)
          }
        }
      })
    }

    it("reports stock per region: a warehouse only counts for the region it ships to", async () => {
      const product = (
        await api.get(`/store/products?limit=100&fields=id,+metadata`, store())
      ).data.products
        .map((p: any) => ({
          id: p.id,
          plan: plans.get(p.metadata.source_id)!.plan,
        }))
        .find((p: any) =>
          p.plan.variants.some(
            (v: any) =>
              v.stock.eu !== v.stock.us &&
              (v.stock.eu === 0 || v.stock.us === 0)
          )
        )
      expect(product).toBeDefined()
      for (const [currency, w] of [
        ["eur", "eu"],
        ["usd", "us"],
      ] as const) {
        const res = await api.get(
          `/store/products/${product.id}/availability?region_id=${regions[currency].id}`,
          store()
        )
        expect(res.status).toBe(200)
        for (const v of res.data.variants) {
          const planned = product.plan.variants.find(
            (pv: any) => pv.size === v.size
          )
          expect(v.quantity).toBe(planned.stock[w])
          expect(v.in_stock).toBe(planned.stock[w] > 0)
        }
      }
    })

    it("rejects availability without a region, and for an unknown product", async () => {
      const any = (await api.get(`/store/products?limit=1`, store())).data
        .products[0]
      const noRegion = await api
        .get(`/store/products/${any.id}/availability`, store())
        .catch((e: any) => e.response)
      expect(noRegion.status).toBe(400)
      expect(noRegion.data.message).toMatch(/region_id/)
      const unknown = await api
        .get(
          `/store/products/prod_nope/availability?region_id=${regions.eur.id}`,
          store()
        )
        .catch((e: any) => e.response)
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toMatch(/prod_nope/)
      const badRegion = await api
        .get(
          `/store/products/${any.id}/availability?region_id=reg_nope`,
          store()
        )
        .catch((e: any) => e.response)
      expect(badRegion.status).toBe(404)
    })

    it("lets the admin log in and see the catalogue", async () => {
      const bad = await api
        .post("/auth/user/emailpass", { email: ADMIN.email, password: "wrong" })
        .catch((e: any) => e.response)
      expect(bad.status).toBe(401)
      const login = await api.post("/auth/user/emailpass", ADMIN)
      expect(login.status).toBe(200)
      const res = await api.get("/admin/products?limit=1", {
        headers: { authorization: `Bearer ${login.data.token}` },
      })
      expect(res.status).toBe(200)
      expect(res.data.count).toBe(COUNT)
    })

    it("seeds idempotently: a second run creates nothing", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const counts = async () => {
        const out: Record<string, number> = {}
        for (const entity of [
          "product",
          "product_variant",
          "region",
          "stock_location",
          "api_key",
          "sales_channel",
          "shipping_option",
          "product_category",
          "inventory_level",
          "customer",
          "wardrobe_item",
          "outfit",
        ]) {
          out[entity] = (
            await query.graph({ entity, fields: ["id"] })
          ).data.length
        }
        return out
      }
      const before = await counts()
      await seed({ container, args: [String(COUNT)] } as any)
      expect(await counts()).toEqual(before)
      expect(before).toMatchObject({
        product: COUNT,
        region: 2,
        stock_location: 2,
        shipping_option: 4,
      })
      const { data: ours } = await query.graph({
        entity: "api_key",
        fields: ["id"],
        filters: { title: "CuratorAI Storefront" },
      })
      expect(ours).toHaveLength(1)
    })
  },
})
