import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  updateInventoryLevelsWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { checkPurchasable } from "../../src/lib/visual-search/purchasable"
import { forgetAllReads, sellableProducts } from "../../src/lib/offers"
import { SEARCH_ANALYTICS_MODULE } from "../../src/modules/search-analytics"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"

process.env.CURATOR_EMBEDDER = "classic"
// the spec pages through the catalogue and polls for events: far more than a shopper's searches a minute
process.env.CURATOR_RATE_LIMIT_SEARCH = "0"
// search cards may use prices and stock read earlier (lib/offers/read-cache.ts); a minute here, far longer
// than any test waits, so a card that changes after a price or stock event changed because the event was handled
process.env.CURATOR_OFFER_READ_TTL_MS = "60000"
// generous: the runner boots the app and migrates inside the first hook, minutes on a busy machine
jest.setTimeout(600 * 1000)

const COUNT = 70
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  env: {
    CURATOR_EMBEDDER: "classic",
    CURATOR_RATE_LIMIT_SEARCH: "0",
    CURATOR_SERVER_TIMING: "true",
  },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regions: Awaited<ReturnType<typeof seedDemo>>["regions"]
    let productIds: string[]
    const store = () => ({
      headers: { "x-publishable-api-key": pk },
      validateStatus: () => true,
    })
    const search = async (params: Record<string, string | number>) => {
      const res = await api.get(
        `/store/search?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`,
        store()
      )
      return res
    }
    /** The products the buyability rule lets a shopper of the region buy under these constraints: the ground truth. */
    const truth = async (c: {
      region_id: string
      size?: string
      min_price?: number
      max_price?: number
    }) => {
      const judged = await checkPurchasable(getContainer(), productIds, c, [])
      return new Set(
        [...judged].filter(([, r]) => typeof r === "object").map(([id]) => id)
      )
    }
    /** Events are applied to the index asynchronously: wait until the search agrees. */
    const eventually = async (check: () => Promise<boolean>, what: string) => {
      for (let i = 0; i < 150; i++) {
        if (await check()) return
        await sleep(200)
      }
      throw new Error(`timed out waiting until ${what}`)
    }
    const allIds = async (params: Record<string, string | number>) => {
      const { data } = await search({ ...params, limit: 100 })
      return new Set<string>(data.products.map((p: any) => p.product.id))
    }

    beforeAll(async () => {
      const t0 = Date.now()
      ;({ pk, regions } = await seedDemo(getContainer(), COUNT))
      if (process.env.SEARCH_SPEC_DEBUG)
        console.log(`seeded in ${Date.now() - t0} ms`)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      productIds = (
        await query.graph({ entity: "product", fields: ["id"] })
      ).data.map((p: any) => p.id)
      // stock levels are created after the products: wait until the index has caught up with both regions
      for (const r of [regions.eur, regions.usd]) {
        const expected = (await truth({ region_id: r.id })).size
        await eventually(async () => {
          const res = await search({ region_id: r.id, limit: 1 })
          if (process.env.SEARCH_SPEC_DEBUG)
            console.log(
              r.currency_code,
              res.status,
              res.data.count ?? res.data,
              expected,
              Date.now() - t0
            )
          return res.data.count === expected
        }, `the ${r.currency_code} index holds ${expected} products`)
      }
    })

    it("finds T-shirts for the misspelt query 'tshrit', and says it tolerated a typo", async () => {
      const { status, data } = await search({
        q: "tshrit",
        region_id: regions.eur.id,
      })
      const jeans = (await search({ q: "jeens", region_id: regions.eur.id }))
        .data
      expect(jeans.matched).toBe("typo")
      expect(
        jeans.products.every((p: any) => /Jeans/.test(p.product.title))
      ).toBe(true)
      expect(status).toBe(200)
      expect(data.engine).toBe("postgres")
      expect(data.matched).toBe("typo")
      expect(data.count).toBeGreaterThan(0)
      expect(data.products.length).toBeGreaterThan(0)
      expect(data.products[0].product.title).toMatch(/T-Shirt/)
      expect(typeof data.took_ms).toBe("number")
      // the card visual search returns
      const card = data.products[0]
      expect(Object.keys(card.product).sort()).toEqual([
        "handle",
        "id",
        "thumbnail",
        "title",
      ])
      expect(card.variants[0]).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          size: expect.any(String),
          calculated_price: expect.any(Number),
          currency_code: "eur",
          in_stock: true,
        })
      )
    })

    it("answers a query of correctly spelt words that no product matches with nothing, without the slow typo scan", async () => {
      const none = await search({
        q: "jeans sandals",
        region_id: regions.eur.id,
      })
      expect(none.status).toBe(200)
      expect(none.data.count).toBe(0)
      expect(none.data.matched).toBe("exact")
      expect(none.headers["server-timing"]).toMatch(/index;/)
      expect(none.headers["server-timing"]).not.toMatch(/index_typo/)
      // a word the catalogue does not use is respelt, and may still go on to the scan
      const typo = await search({ q: "jeens", region_id: regions.eur.id })
      expect(typo.data.matched).toBe("typo")
      expect(typo.headers["server-timing"]).toMatch(/spelling;/)
    })

    it("computes a query's count and facets once for every page and sort of it, and the next page's products fresh", async () => {
      const q = { q: "shirt", region_id: regions.eur.id, size: "M", limit: 2 }
      const first = await search({ ...q, sort: "price_asc" })
      const next = await search({ ...q, sort: "price_desc", offset: 2 })
      expect(first.status).toBe(200)
      expect(next.headers["server-timing"]).toMatch(/totals_cached/)
      expect(next.data.count).toBe(first.data.count)
      expect(next.data.facets).toEqual(first.data.facets)
      // other filters are another query
      const other = await search({ ...q, size: "L" })
      expect(other.headers["server-timing"]).not.toMatch(/totals_cached/)
      // the page itself is not kept: its products differ with the offset and are sorted as asked
      const prices = (r: any) =>
        r.data.products.map((p: any) =>
          Math.min(...p.variants.map((v: any) => v.calculated_price))
        )
      expect(prices(first)).toEqual([...prices(first)].sort((a, b) => a - b))
      expect(prices(next)).toEqual([...prices(next)].sort((a, b) => b - a))
    })

    it("finds products through synonyms: 'tee' finds T-shirts and 'trainers' finds sports shoes", async () => {
      const tee = (await search({ q: "tee", region_id: regions.eur.id })).data
      expect(tee.matched).toBe("exact")
      expect(tee.count).toBe(tee.facets.article_type.Tshirts)
      expect(
        tee.products.every((p: any) => /T-Shirt/.test(p.product.title))
      ).toBe(true)
      const trainers = (
        await search({ q: "trainers", region_id: regions.eur.id })
      ).data
      expect(trainers.facets.article_type["Sports Shoes"]).toBeGreaterThan(0)
    })

    it("counts every product the filters match across the catalogue, and each facet value counts exactly the products it filters to", async () => {
      const { data } = await search({ region_id: regions.eur.id, limit: 5 })
      expect(data.count).toBe((await truth({ region_id: regions.eur.id })).size)
      expect(data.products).toHaveLength(5)
      for (const [type, n] of Object.entries<number>(
        data.facets.article_type
      )) {
        const narrowed = (
          await search({
            region_id: regions.eur.id,
            article_type: type,
            limit: 100,
          })
        ).data
        expect([type, narrowed.count]).toEqual([type, n])
        expect(narrowed.products).toHaveLength(n)
      }
      // offset pages cover the catalogue once: no product repeated or skipped
      const paged: string[] = []
      for (let offset = 0; offset < data.count; offset += 7)
        paged.push(
          ...(
            await search({
              region_id: regions.eur.id,
              limit: 7,
              offset,
              sort: "newest",
            })
          ).data.products.map((p: any) => p.product.id)
        )
      expect(new Set(paged).size).toBe(data.count)
      expect(paged).toHaveLength(data.count)
      const sum = Object.values<number>(data.facets.colour).reduce(
        (a, b) => a + b,
        0
      )
      expect(sum).toBe(data.count)
      expect(data.facets.price.min).toBeLessThanOrEqual(data.facets.price.max)
    })

    it("filters by size and price over the whole catalogue, with stock per region", async () => {
      for (const r of [regions.eur, regions.usd]) {
        const sized = (await search({ region_id: r.id, size: "M", limit: 100 }))
          .data
        const expected = await truth({ region_id: r.id, size: "M" })
        expect(sized.count).toBe(expected.size)
        expect(new Set(sized.products.map((p: any) => p.product.id))).toEqual(
          expected
        )
        for (const p of sized.products)
          expect(
            p.variants.every((v: any) => v.size === "M" && v.in_stock)
          ).toBe(true)
        expect(Object.keys(sized.facets.size)).toContain("M")
        expect(sized.facets.size.M).toBe(sized.count)
      }
      // availability differs by region in the demo catalogue, so must the results
      expect(
        await allIds({ region_id: regions.eur.id, size: "M" })
      ).not.toEqual(await allIds({ region_id: regions.usd.id, size: "M" }))
      const budget = (
        await search({
          region_id: regions.eur.id,
          min_price: 20,
          max_price: 40,
          limit: 100,
        })
      ).data
      const expected = await truth({
        region_id: regions.eur.id,
        min_price: 20,
        max_price: 40,
      })
      expect(budget.count).toBe(expected.size)
      for (const p of budget.products)
        expect(
          p.variants.every(
            (v: any) => v.calculated_price >= 20 && v.calculated_price <= 40
          )
        ).toBe(true)
      // sorted by price: the first card is the cheapest product
      const cheap = (
        await search({ region_id: regions.eur.id, sort: "price_asc", limit: 3 })
      ).data
      expect(cheap.products[0].variants[0].calculated_price).toBe(
        cheap.facets.price.min
      )
    })

    it("drops a product from results once it is unpublished, and from one region once it is out of stock there", async () => {
      const container = getContainer()
      const { data: list } = await search({
        q: "watch",
        region_id: regions.eur.id,
      })
      const gone = list.products[0].product.id
      await updateProductsWorkflow(container).run({
        input: { selector: { id: gone }, update: { status: "draft" } } as any,
      })
      // the shown page is checked fresh at once; the catalogue-wide count follows when the index consumes product.updated
      expect(
        (await allIds({ q: "watch", region_id: regions.eur.id })).has(gone)
      ).toBe(false)
      await eventually(
        async () =>
          (await search({ q: "watch", region_id: regions.eur.id })).data
            .count ===
          list.count - 1,
        "the unpublished product leaves the count"
      )

      // a product sold in both regions: empty its Amsterdam (EU) stock
      const eu = await truth({ region_id: regions.eur.id })
      const us = await truth({ region_id: regions.usd.id })
      const both = [...eu].find((id) => us.has(id) && id !== gone)!
      // shown in Europe now, so its stock is in the display cache
      expect((await allIds({ region_id: regions.eur.id })).has(both)).toBe(true)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory_item_id"],
        filters: { product_id: both },
      })
      const itemIds = variants.flatMap((v: any) =>
        v.inventory_items.map((i: any) => i.inventory_item_id)
      )
      const levels = await container
        .resolve(Modules.INVENTORY)
        .listInventoryLevels({ inventory_item_id: itemIds })
      const { data: euLocations } = await query.graph({
        entity: "stock_location",
        fields: ["id", "name"],
      })
      const amsterdam = euLocations.find((l: any) =>
        /amsterdam/i.test(l.name)
      )!.id
      const euCount = (await search({ region_id: regions.eur.id, limit: 1 }))
        .data.count
      await updateInventoryLevelsWorkflow(container).run({
        input: {
          updates: levels
            .filter((l: any) => l.location_id === amsterdam)
            .map((l: any) => ({
              id: l.id,
              inventory_item_id: l.inventory_item_id,
              location_id: l.location_id,
              stocked_quantity: 0,
            })),
        },
      })
      await eventually(
        async () =>
          (await search({ region_id: regions.eur.id, limit: 1 })).data.count ===
          euCount - 1,
        "the product out of stock in Europe leaves the European count"
      )
      expect((await allIds({ region_id: regions.eur.id })).has(both)).toBe(
        false
      )
      expect((await allIds({ region_id: regions.usd.id })).has(both)).toBe(true)
    })

    it("shows a product's new price as soon as the price change's event is handled, though its old price was cached", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: list } = await search({
        q: "shirt",
        region_id: regions.eur.id,
      })
      const card = list.products[0]
      const before = card.variants[0].calculated_price
      // shown again: served from the display cache
      expect(
        (
          await search({ q: "shirt", region_id: regions.eur.id })
        ).data.products.find((p: any) => p.product.id === card.product.id)
          .variants[0].calculated_price
      ).toBe(before)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "prices.id", "prices.amount", "prices.currency_code"],
        filters: { product_id: card.product.id },
      })
      const after = before + 7
      // as the admin's variant edit does: the euro prices change in place, the others stay
      await updateProductVariantsWorkflow(container).run({
        input: {
          product_variants: variants.map((v: any) => ({
            id: v.id,
            prices: v.prices.map((p: any) => ({
              id: p.id,
              currency_code: p.currency_code,
              amount: p.currency_code === "eur" ? after : p.amount,
            })),
          })),
        },
      })
      await eventually(async () => {
        const { data } = await search({ q: "shirt", region_id: regions.eur.id })
        const shown = data.products.find(
          (p: any) => p.product.id === card.product.id
        )
        return shown?.variants[0].calculated_price === after
      }, "the card shows the new price")
    })

    it("lets a display use stock read seconds ago, while a decision guarding a cart write reads it now", async () => {
      const container = getContainer()
      const { data: list } = await search({ region_id: regions.usd.id })
      const id = list.products[0].product.id
      const ctx = { region_id: regions.usd.id }
      // shown: the product's US stock levels are in the display cache
      expect(
        (await sellableProducts(container, [id], ctx, { fresh: false })).get(
          id
        )!.variants.length
      ).toBeGreaterThan(0)
      // the stock goes without an event (a direct database write): only a fresh read can see it
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory_item_id"],
        filters: { product_id: id },
      })
      const itemIds = variants.flatMap((v: any) =>
        v.inventory_items.map((i: any) => i.inventory_item_id)
      )
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const saved = await pg("inventory_level")
        .whereIn("inventory_item_id", itemIds)
        .select("id", "stocked_quantity")
      try {
        await pg("inventory_level")
          .whereIn("inventory_item_id", itemIds)
          .update({ stocked_quantity: 0 })
        const display = (
          await sellableProducts(container, [id], ctx, { fresh: false })
        ).get(id)!
        expect(display.variants.length).toBeGreaterThan(0)
        // the add-look-to-cart check's call (lib/lookbook/check-look-items.ts) and the default
        for (const options of [{ fresh: true }, {}]) {
          const now = (
            await sellableProducts(container, [id], ctx, options)
          ).get(id)!
          expect(now.variants).toEqual([])
          expect(now.reason).toBe("out_of_stock")
        }
      } finally {
        for (const l of saved)
          await pg("inventory_level")
            .where("id", l.id)
            .update({ stocked_quantity: l.stocked_quantity })
        forgetAllReads()
      }
    })

    it("POST /admin/search/reindex rebuilds the index, picking up what no event reported; 401 without an admin", async () => {
      const container = getContainer()
      const anonymous = await api.post(
        "/admin/search/reindex",
        {},
        { validateStatus: () => true }
      )
      expect(anonymous.status).toBe(401)
      await createAdmin(container)
      const token = (await api.post("/auth/user/emailpass", ADMIN)).data.token
      // counts as the index has them now, not as an earlier test's search kept them (the test
      // runner restores the database between tests behind the app's back)
      process.env.CURATOR_SEARCH_TOTALS_TTL_MS = "0"
      // a title changed behind the index's back (a direct database write emits no event)
      const { data: list } = await search({ region_id: regions.eur.id })
      const id = list.products[0].product.id
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const [{ title }] = await pg("product").where("id", id).select("title")
      await pg("product")
        .where("id", id)
        .update({ title: `${title} Quokkastripe` })
      try {
        expect(
          (await search({ q: "quokkastripe", region_id: regions.eur.id })).data
            .count
        ).toBe(0)
        const res = await api.post(
          "/admin/search/reindex",
          {},
          {
            headers: { authorization: `Bearer ${token}` },
            validateStatus: () => true,
          }
        )
        expect(res.status).toBe(202)
        expect(res.data.job_id).toEqual(expect.any(String))
        expect(res.data.indexes).toEqual(
          expect.arrayContaining([expect.stringMatching(/product_search/)])
        )
        await eventually(async () => {
          const { data } = await search({
            q: "quokkastripe",
            region_id: regions.eur.id,
          })
          return data.count === 1 && data.products[0]?.product.id === id
        }, "the rebuilt index finds the new title")
        // and still holds the whole catalogue
        expect(
          (await search({ region_id: regions.eur.id, limit: 1 })).data.count
        ).toBe(list.count)
      } finally {
        delete process.env.CURATOR_SEARCH_TOTALS_TTL_MS
        await pg("product").where("id", id).update({ title })
      }
    })

    it("answers bad parameters with 400 naming the problem, and an unknown region with 400 naming the id", async () => {
      const bad: [Record<string, string | number>, RegExp][] = [
        [{ q: "shirt" }, /region_id/],
        [{ region_id: "reg_nope" }, /reg_nope/],
        [{ region_id: regions.eur.id, sort: "cheapest" }, /sort/],
        [{ region_id: regions.eur.id, limit: 0 }, /limit/],
        [{ region_id: regions.eur.id, limit: "ten" }, /limit/],
        [
          { region_id: regions.eur.id, min_price: 50, max_price: 10 },
          /min_price/,
        ],
        [{ region_id: regions.eur.id, min_price: -1 }, /min_price/],
        [{ region_id: regions.eur.id, offset: -3 }, /offset/],
        [{ region_id: regions.eur.id, colour_typo: "Red" }, /colour_typo/],
      ]
      for (const [params, message] of bad) {
        const res = await search(params)
        expect([JSON.stringify(params), res.status]).toEqual([
          JSON.stringify(params),
          400,
        ])
        expect(JSON.stringify(res.data)).toMatch(message)
      }
      expect((await api.get("/store/search/suggest", store())).status).toBe(400)
    })

    it("records a query that found nothing, with its region, and suggests a spelling fix when one exists", async () => {
      const { data } = await search({
        q: "qzxv wqkj",
        region_id: regions.usd.id,
      })
      expect(data.count).toBe(0)
      expect(data.products).toEqual([])
      await eventually(async () => {
        const rows = await getContainer()
          .resolve<any>(SEARCH_ANALYTICS_MODULE)
          .listZeroResultQueries({ query: "qzxv wqkj" })
        return (
          rows.length === 1 &&
          rows[0].region_id === regions.usd.id &&
          !!rows[0].created_at
        )
      }, "the zero-result query is recorded")
      // jeans exist, but none among watches: nothing found, and the respelt words are offered
      const none = (
        await search({
          q: "jeens",
          article_type: "Watches",
          region_id: regions.usd.id,
        })
      ).data
      expect(none.count).toBe(0)
      expect(none.did_you_mean).toBe("jeans")
      const found = (
        await search({ q: none.did_you_mean, region_id: regions.usd.id })
      ).data
      expect(found.count).toBeGreaterThan(0)
    })

    it("suggests products, categories and brands while typing", async () => {
      const res = await api.get("/store/search/suggest?q=tsh", store())
      expect(res.status).toBe(200)
      expect(res.data.products.length).toBeGreaterThan(0)
      expect(res.data.products.every((p: any) => /T-Shirt/.test(p.title))).toBe(
        true
      )
      expect(new Set(res.data.products.map((p: any) => p.id)).size).toBe(
        res.data.products.length
      )
      expect(res.data.categories.map((c: any) => c.name)).toContain("Tshirts")
      expect(Array.isArray(res.data.brands)).toBe(true)
      const typo = await api.get(
        `/store/search/suggest?q=sneekers&region_id=${regions.eur.id}`,
        store()
      )
      expect(typo.data.products.length).toBeGreaterThan(0)
    })
  },
})
