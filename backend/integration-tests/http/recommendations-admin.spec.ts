import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import sharp from "sharp"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import { registerShopper } from "../helpers/shopper"
import { createTestProduct } from "../helpers/products"
import { ensureRecommendationSignals } from "../../src/scripts/seed/recommendations"

process.env.CURATOR_EMBEDDER = "classic"
jest.setTimeout(300 * 1000)

const fail = (p: Promise<any>) =>
  p.then(
    (r) => r,
    (e) => e.response
  )
const TEE = {
  master_category: "Apparel",
  sub_category: "Topwear",
  article_type: "Tshirts",
  base_colour: "Navy Blue",
  gender: "Men",
  usage: "Casual",
  season: "Winter",
}

medusaIntegrationTestRunner({
  env: { CURATOR_EMBEDDER: "classic" },
  testSuite: ({ api, getContainer }) => {
    let eur: string
    let ann: Awaited<ReturnType<typeof registerShopper>>
    let admin: { headers: Record<string, string> }
    let tee: string
    let collection: string

    beforeAll(async () => {
      const container = getContainer()
      const seeded = await seedDemo(container, 4)
      eur = seeded.regions.eur.id
      ann = await registerShopper(api, seeded.pk, "ann@recs-admin.local")
      await createAdmin(container)
      admin = {
        headers: {
          authorization: `Bearer ${(await api.post("/auth/user/emailpass", ADMIN)).data.token}`,
        },
      }
      const photo = await sharp({
        create: { width: 64, height: 64, channels: 3, background: "#203060" },
      })
        .jpeg()
        .toBuffer()
      const made = await createTestProduct(container, {
        photo,
        sizes: { M: { eu: 5, us: 5 } },
        prices: { eur: 30, usd: 30 },
      })
      const products = container.resolve(Modules.PRODUCT)
      const [c] = await products.createProductCollections([
        { title: "Navy basics", handle: "navy-basics" },
      ])
      collection = c.id
      await products.updateProducts(made.id, {
        metadata: TEE,
        collection_id: collection,
      })
      tee = made.id
      await api.post(
        "/store/customers/me/style-profile",
        {
          sizes: { top: "M", bottom: "M", shoes: "42" },
          budget: { max_item: 60 },
          gender: "Men",
          styles: ["Casual"],
          colours: { liked: ["Navy Blue"] },
        },
        { headers: ann.headers }
      )
    })

    const preview = (q: string) =>
      fail(api.get(`/admin/recommendations/preview?${q}`, admin))

    it("refuses every admin route without an admin token with 401", async () => {
      for (const [method, path] of [
        ["get", "/admin/recommendations/status"],
        ["post", "/admin/recommendations/train"],
        [
          "get",
          `/admin/recommendations/preview?customer_id=${ann.id}&region_id=${eur}`,
        ],
        ["get", "/admin/recommendations/rules"],
        ["post", "/admin/recommendations/rules"],
        ["delete", "/admin/recommendations/rules/rrule_x"],
      ] as const) {
        const r = await fail(
          method === "post"
            ? api.post(path, {}, { headers: ann.headers })
            : (api as any)[method](path, { headers: ann.headers })
        )
        expect([method, path, r.status]).toEqual([method, path, 401])
      }
    })

    it("reports the model status: none before training, then when, shoppers, items, signals and coverage", async () => {
      const before = await api.get("/admin/recommendations/status", admin)
      expect(before.data.model).toBeNull()
      await api.post(
        "/store/customers/me/recommendations/signals",
        {
          signals: [
            { product_id: tee, kind: "like" },
            { product_id: tee, kind: "view" },
          ],
        },
        { headers: ann.headers }
      )
      await api.post("/admin/recommendations/train", {}, admin)
      const { data } = await api.get("/admin/recommendations/status", admin)
      expect(data.model).toMatchObject({
        trained_at: expect.any(String),
        shoppers: 1,
        items: 1,
      })
      expect(data.signals).toMatchObject({
        total: 2,
        shoppers: 1,
        by_kind: { like: 1, view: 1 },
      })
      expect(data.coverage.published_products).toBeGreaterThan(1)
      expect(data.coverage.with_neighbours).toBe(0) // one item has no neighbour
    })

    it("previews a customer's list with reasons and filtered_out, storing nothing", async () => {
      const recs = getContainer().resolve("recommendations") as any
      const stored = (await recs.listRecommendations({})).length
      const { status, data } = await preview(
        `customer_id=${ann.id}&region_id=${eur}&limit=50`
      )
      expect(status).toBe(200)
      const item = data.recommendations.find(
        (r: any) => r.items[0].product.id === tee
      )
      expect(item).toMatchObject({
        id: expect.stringMatching(/^preview_/),
        kind: "product",
        reason: expect.any(String),
        items: [{ variant: { size: "M", calculated_price: 30 } }],
      })
      expect(data.filtered_out).toEqual({
        out_of_stock: expect.any(Number),
        no_size: expect.any(Number),
        over_budget: expect.any(Number),
        not_in_region: expect.any(Number),
      })
      expect((await recs.listRecommendations({})).length).toBe(stored)
    })

    it("answers a bad preview with 400 and an unknown customer or region with 404", async () => {
      expect((await preview(`region_id=${eur}`)).status).toBe(400)
      expect((await preview(`customer_id=${ann.id}`)).status).toBe(400)
      expect(
        (await preview(`customer_id=${ann.id}&region_id=${eur}&kind=hats`))
          .status
      ).toBe(400)
      expect(
        (await preview(`customer_id=${ann.id}&region_id=${eur}&limit=51`))
          .status
      ).toBe(400)
      expect(
        (await preview(`customer_id=${ann.id}&region_id=${eur}&x=1`)).status
      ).toBe(400)
      const who = await preview(`customer_id=cus_nobody&region_id=${eur}`)
      expect(who.status).toBe(404)
      expect(who.data.message).toContain("cus_nobody")
      const where = await preview(`customer_id=${ann.id}&region_id=reg_nowhere`)
      expect(where.status).toBe(404)
      expect(where.data.message).toContain("reg_nowhere")
    })

    it("applies an exclude rule to the next list at once (cached or not), and lifts it on delete", async () => {
      const shown = async () =>
        (
          await api.get(
            `/store/customers/me/recommendations?region_id=${eur}&limit=50`,
            { headers: ann.headers }
          )
        ).data.recommendations.map((r: any) => r.items[0].product.id)
      expect(await shown()).toContain(tee)
      const created = await fail(
        api.post(
          "/admin/recommendations/rules",
          {
            action: "exclude",
            target: "collection",
            target_id: collection,
            note: "sold out soon",
          },
          admin
        )
      )
      expect(created.status).toBe(201)
      expect(created.data.rule).toMatchObject({
        id: expect.stringMatching(/^rrule_/),
        action: "exclude",
        target: "collection",
        target_id: collection,
      })
      const listed = await api.get("/admin/recommendations/rules", admin)
      expect(listed.data.rules.map((r: any) => r.id)).toEqual([
        created.data.rule.id,
      ])
      expect(await shown()).not.toContain(tee)
      const { data } = await preview(
        `customer_id=${ann.id}&region_id=${eur}&limit=50`
      )
      expect(
        data.recommendations.map((r: any) => r.items[0].product.id)
      ).not.toContain(tee)
      const del = await fail(
        api.delete(
          `/admin/recommendations/rules/${created.data.rule.id}`,
          admin
        )
      )
      expect(del.status).toBe(200)
      expect(del.data).toMatchObject({
        id: created.data.rule.id,
        deleted: true,
      })
      expect(await shown()).toContain(tee)
      const again = await fail(
        api.delete(
          `/admin/recommendations/rules/${created.data.rule.id}`,
          admin
        )
      )
      expect(again.status).toBe(404)
      expect(again.data.message).toContain(created.data.rule.id)
    })

    it("seeds demo signals once for the demo and social shoppers and trains on them", async () => {
      const container = getContainer()
      const customers = container.resolve(Modules.CUSTOMER)
      const made = await customers.createCustomers([
        { email: "demo@curatorai.local" },
        { email: "ada.lovelace@shoppers.curatorai.local" },
        { email: "bo.diddley@shoppers.curatorai.local" },
      ])
      // createCustomers does not promise the input order
      const demo = made.find((c) => c.email === "demo@curatorai.local")!
      const lines: string[] = []
      await ensureRecommendationSignals(container, (m) => lines.push(m))
      const recs = container.resolve("recommendations") as any
      // the seeded shoppers view, cart, like and buy (on this 5-product test store
      // the demo shopper's own share is not asserted: see the design note)
      const all = await recs.listRecSignals({}, { take: null })
      expect(new Set(all.map((x: any) => x.customer_id)).size).toBeGreaterThan(
        0
      )
      expect(all.map((x: any) => x.kind)).toEqual(
        expect.arrayContaining(["view", "cart", "like", "purchase"])
      )
      expect(demo.id).toEqual(expect.any(String))
      const { data } = await api.get("/admin/recommendations/status", admin)
      expect(data.model).toMatchObject({ shoppers: expect.any(Number) })
      expect(data.model.items).toBeGreaterThan(0)
      const total = (await recs.listRecSignals({})).length
      await ensureRecommendationSignals(container, (m) => lines.push(m))
      expect((await recs.listRecSignals({})).length).toBe(total)
      expect(lines.at(-1)).toBe("recommendations: already seeded")
    })

    it("answers a bad rule with 400 and stores nothing", async () => {
      for (const body of [
        {},
        { action: "promote", target: "tag", target_id: "ptag_1" },
        { action: "boost", target: "brand", target_id: "x" },
        { action: "boost", target: "tag", target_id: "" },
        { action: "boost", target: "tag", target_id: "ptag_1", weight: 99 },
        { action: "boost", target: "tag", target_id: "ptag_1", extra: 1 },
      ]) {
        const r = await fail(
          api.post("/admin/recommendations/rules", body, admin)
        )
        expect([body, r.status]).toEqual([body, 400])
      }
      const listed = await api.get("/admin/recommendations/rules", admin)
      expect(listed.data.rules).toEqual([])
    })
  },
})
