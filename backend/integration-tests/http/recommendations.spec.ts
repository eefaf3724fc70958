import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import sharp from "sharp"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import { registerShopper } from "../helpers/shopper"
import { createTestProduct } from "../helpers/products"
import { forgetLists } from "../../src/lib/recommendations/cache"

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
const JEANS = {
  master_category: "Apparel",
  sub_category: "Bottomwear",
  article_type: "Jeans",
  base_colour: "Blue",
  gender: "Men",
  usage: "Casual",
  season: "Winter",
}
const SHOES = {
  master_category: "Footwear",
  sub_category: "Shoes",
  article_type: "Casual Shoes",
  base_colour: "White",
  gender: "Men",
  usage: "Casual",
  season: "Winter",
}
const productIds = (data: any) =>
  data.recommendations.flatMap((r: any) =>
    r.items.map((i: any) => i.product?.id)
  )

medusaIntegrationTestRunner({
  env: { CURATOR_EMBEDDER: "classic" },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let eur: string
    let ann: Awaited<ReturnType<typeof registerShopper>>
    let bob: Awaited<ReturnType<typeof registerShopper>>
    let admin: { headers: Record<string, string> }
    const p: Record<string, string> = {}

    beforeAll(async () => {
      const container = getContainer()
      const seeded = await seedDemo(container, 6)
      pk = seeded.pk
      eur = seeded.regions.eur.id
      ann = await registerShopper(api, pk, "ann@recs.local")
      bob = await registerShopper(api, pk, "bob@recs.local")
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
      const make = async (
        name: string,
        metadata: Record<string, string>,
        opts: Partial<Parameters<typeof createTestProduct>[1]>
      ) => {
        const made = await createTestProduct(container, {
          photo,
          sizes: { M: { eu: 5, us: 5 } },
          prices: { eur: 30, usd: 30 },
          ...opts,
        })
        await container
          .resolve(Modules.PRODUCT)
          .updateProducts(made.id, { metadata })
        p[name] = made.id
      }
      await make("good", TEE, {})
      await make("outOfStock", TEE, { sizes: { M: { eu: 0, us: 0 } } })
      await make("wrongSize", TEE, { sizes: { L: { eu: 5, us: 5 } } })
      await make("overBudget", TEE, { prices: { eur: 90, usd: 90 } })
      await make("notInRegion", TEE, { prices: { usd: 30 } })
      await make("jeans", JEANS, {})
      await make("shoes", SHOES, { sizes: { "42": { eu: 5, us: 5 } } })
      // Ann: a man in M with €60 a piece, who likes navy and casual
      const profile = {
        sizes: { top: "M", bottom: "M", shoes: "42" },
        budget: { max_item: 60 },
        gender: "Men",
        styles: ["Casual"],
        colours: { liked: ["Navy Blue"] },
      }
      expect(
        (
          await api.post("/store/customers/me/style-profile", profile, {
            headers: ann.headers,
          })
        ).status
      ).toBe(200)
    })

    // the runner restores the database before each test; the in-process cache
    // would still hold lists whose stored recommendations are gone
    beforeEach(async () => {
      for (const who of [ann, bob])
        await forgetLists(getContainer(), who.customer.id)
    })

    const list = (q: string, who = ann) =>
      fail(
        api.get(`/store/customers/me/recommendations?${q}`, {
          headers: who.headers,
        })
      )

    it("never returns a best match that is out of stock, in the wrong size, over budget or not sold in the region, and says why in filtered_out", async () => {
      const { status, data } = await list(`region_id=${eur}&limit=50`)
      expect(status).toBe(200)
      const ids = productIds(data)
      expect(ids).toContain(p.good)
      for (const bad of [
        "outOfStock",
        "wrongSize",
        "overBudget",
        "notInRegion",
      ])
        expect(ids).not.toContain(p[bad])
      expect(data.filtered_out.out_of_stock).toBeGreaterThanOrEqual(1)
      expect(data.filtered_out.no_size).toBeGreaterThanOrEqual(1)
      expect(data.filtered_out.over_budget).toBeGreaterThanOrEqual(1)
      expect(data.filtered_out.not_in_region).toBeGreaterThanOrEqual(1)
      expect(typeof data.took_ms).toBe("number")
      const first = data.recommendations.find(
        (r: any) => r.items[0].product.id === p.good
      )
      expect(first).toMatchObject({
        kind: "product",
        context: { region_id: eur },
      })
      expect(first.reason).toEqual(expect.any(String))
      expect(first.items[0]).toMatchObject({
        slot: "top",
        owned: false,
        wardrobe_item_id: null,
        variant: {
          size: "M",
          calculated_price: 30,
          currency_code: "eur",
          in_stock: true,
        },
      })
      // every item shown: the shopper's size for its family and within €60
      for (const r of data.recommendations)
        for (const i of r.items) {
          expect(i.variant.in_stock).toBe(true)
          expect(i.variant.calculated_price).toBeLessThanOrEqual(60)
        }
    })

    it("builds outfits of a top, a bottom and shoes that are all buyable by the shopper", async () => {
      const { status, data } = await list(
        `region_id=${eur}&kind=outfit&limit=5`
      )
      expect(status).toBe(200)
      expect(data.recommendations.length).toBeGreaterThanOrEqual(1)
      const outfit = data.recommendations.find((r: any) =>
        r.items.some((i: any) => i.product.id === p.good)
      )
      expect(outfit.kind).toBe("outfit")
      expect(outfit.items.map((i: any) => i.slot)).toEqual(
        expect.arrayContaining(["top", "bottom", "shoes"])
      )
      for (const r of data.recommendations)
        for (const i of r.items) {
          expect([
            p.outOfStock,
            p.wrongSize,
            p.overBudget,
            p.notInRegion,
          ]).not.toContain(i.product.id)
          expect(i.variant.in_stock).toBe(true)
        }
    })

    it("serves a repeated list from the Caching Module and drops it at once on feedback, a profile edit and a new model", async () => {
      const ids = (d: any) => d.recommendations.map((r: any) => r.id)
      const q = `region_id=${eur}&limit=50`
      const first = (await list(q)).data
      // cached: the very same stored recommendations, not a recomputed list
      expect(ids((await list(q)).data)).toEqual(ids(first))
      // another shopper's list is not this one
      expect(ids((await list(q, bob)).data)).not.toEqual(ids(first))
      const rec = first.recommendations.find(
        (r: any) => r.items[0].product.id === p.good
      )
      const liked = await fail(
        api.post(
          `/store/customers/me/recommendations/${rec.id}/feedback`,
          { rating: "like" },
          { headers: ann.headers }
        )
      )
      expect(liked.status).toBe(200)
      const afterLike = (await list(q)).data
      expect(ids(afterLike)).not.toEqual(ids(first))
      expect(ids((await list(q)).data)).toEqual(ids(afterLike))
      const profile = await api.get("/store/customers/me/style-profile", {
        headers: ann.headers,
      })
      expect(profile.status).toBe(200)
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
      const afterProfile = (await list(q)).data
      expect(ids(afterProfile)).not.toEqual(ids(afterLike))
      await api.post("/admin/recommendations/train", {}, admin)
      expect(ids((await list(q)).data)).not.toEqual(ids(afterProfile))
    })

    it("takes a dislike into account at once: the item is gone from the next list; the recommendation stays readable", async () => {
      const before = (await list(`region_id=${eur}&limit=50`)).data
      const rec = before.recommendations.find(
        (r: any) => r.items[0].product.id === p.good
      )
      const fb = await fail(
        api.post(
          `/store/customers/me/recommendations/${rec.id}/feedback`,
          { rating: "dislike", reason: "not_my_style" },
          { headers: ann.headers }
        )
      )
      expect(fb.status).toBe(200)
      expect(fb.data.feedback).toMatchObject({
        rating: "dislike",
        reason: "not_my_style",
        product_ids: [p.good],
      })
      expect(
        productIds((await list(`region_id=${eur}&limit=50`)).data)
      ).not.toContain(p.good)
      const again = await fail(
        api.get(`/store/customers/me/recommendations/${rec.id}`, {
          headers: ann.headers,
        })
      )
      expect(again.status).toBe(200)
      expect(again.data.recommendation).toMatchObject({
        id: rec.id,
        items: [{ product: { id: p.good } }],
      })
    })

    it("lowers the effective budget after too_expensive: items at that price no longer appear", async () => {
      const before = (await list(`region_id=${eur}&limit=50`)).data
      const rec = before.recommendations.find(
        (r: any) => r.items[0].product.id === p.good
      )
      await api.post(
        `/store/customers/me/recommendations/${rec.id}/feedback`,
        { rating: "dislike", reason: "too_expensive" },
        { headers: ann.headers }
      )
      const after = (await list(`region_id=${eur}&limit=50`)).data
      for (const r of after.recommendations)
        for (const i of r.items)
          expect(i.variant.calculated_price).toBeLessThan(30)
    })

    it("makes outfits of the shopper's own clothes plus one new piece on request (mostly_owned): owned items carry their id and no variant", async () => {
      const wardrobe = getContainer().resolve("wardrobe") as any
      const mine = await wardrobe.createWardrobeItems([
        {
          customer_id: ann.id,
          family: "bottom",
          colour: "Black",
          article_type: "Chinos",
        },
        {
          customer_id: ann.id,
          family: "shoes",
          colour: "White",
          article_type: "Sneakers",
        },
        {
          customer_id: ann.id,
          family: "top",
          colour: "Grey",
          article_type: "Shirts",
        },
      ])
      await wardrobe.createWardrobeItems([
        {
          customer_id: bob.id,
          family: "bottom",
          colour: "Black",
          article_type: "Jeans",
        },
      ])
      const { status, data } = await fail(
        api.post(
          "/store/customers/me/recommendations/generate",
          { region_id: eur, kind: "outfit", mostly_owned: true, limit: 5 },
          { headers: ann.headers }
        )
      )
      expect(status).toBe(200)
      expect(data.recommendations.length).toBeGreaterThan(0)
      const ids = new Set(mine.map((w: any) => w.id))
      for (const r of data.recommendations) {
        const bought = r.items.filter((i: any) => !i.owned)
        expect(bought).toHaveLength(1)
        expect(bought[0].variant).toMatchObject({ in_stock: true })
        const own = r.items.filter((i: any) => i.owned)
        expect(own.length).toBeGreaterThanOrEqual(1)
        for (const i of own) {
          expect(ids.has(i.wardrobe_item_id)).toBe(true)
          expect(i.variant).toBeNull()
          expect(i.product).toBeNull()
        }
        const slots = new Set(r.items.map((i: any) => i.slot))
        expect(slots.has("shoes")).toBe(true)
        expect(r.reason).toMatch(/^your .* with a new /)
      }
      const bad = await fail(
        api.post(
          "/store/customers/me/recommendations/generate",
          { region_id: eur, kind: "outfit", mostly_owned: "yes" },
          { headers: ann.headers }
        )
      )
      expect(bad.status).toBe(400)
    })

    it("gives every piece one of the contract's slots, also products outfits do not use (innerwear)", async () => {
      const container = getContainer()
      const briefs = await createTestProduct(container, {
        photo: await sharp({
          create: { width: 64, height: 64, channels: 3, background: "#102040" },
        })
          .jpeg()
          .toBuffer(),
        sizes: { M: { eu: 5, us: 5 } },
        prices: { eur: 20, usd: 20 },
      })
      await container.resolve(Modules.PRODUCT).updateProducts(briefs.id, {
        metadata: {
          master_category: "Apparel",
          sub_category: "Innerwear",
          article_type: "Briefs",
          base_colour: "Navy Blue",
          gender: "Men",
          usage: "Casual",
          season: "Winter",
        },
      })
      const slots = new Set([
        "top",
        "bottom",
        "one_piece",
        "outerwear",
        "shoes",
        "accessory",
        "bag",
      ])
      const { status, data } = await list(`region_id=${eur}&limit=50`)
      expect(status).toBe(200)
      const items = data.recommendations.flatMap((r: any) => r.items)
      expect(items.map((i: any) => i.product?.id)).toContain(briefs.id)
      for (const i of items) expect(slots.has(i.slot)).toBe(true)
    })

    it("leaves out pieces of the same type and colour as something the shopper owns, and products already in a cart, unless asked for look-alikes (include_owned_similar)", async () => {
      const before = await list(`region_id=${eur}&limit=50`)
      expect(productIds(before.data)).toContain(p.good)
      expect(productIds(before.data)).toContain(p.jeans)
      // Ann owns a navy T-shirt (like p.good) and has blue jeans (p.jeans) in her cart
      const wardrobe = getContainer().resolve("wardrobe") as any
      await wardrobe.createWardrobeItems([
        {
          customer_id: ann.id,
          family: "top",
          colour: "Navy Blue",
          article_type: "Tshirts",
        },
      ])
      expect(
        (
          await api.post(
            "/store/customers/me/recommendations/signals",
            { signals: [{ product_id: p.jeans, kind: "cart" }] },
            { headers: ann.headers }
          )
        ).status
      ).toBeLessThan(300)
      const after = await list(`region_id=${eur}&limit=50`)
      expect(after.status).toBe(200)
      expect(productIds(after.data)).not.toContain(p.good)
      expect(productIds(after.data)).not.toContain(p.jeans)
      const asked = await fail(
        api.post(
          "/store/customers/me/recommendations/generate",
          {
            region_id: eur,
            kind: "product",
            limit: 50,
            include_owned_similar: true,
          },
          { headers: ann.headers }
        )
      )
      expect(asked.status).toBe(200)
      expect(productIds(asked.data)).toContain(p.good)
      expect(productIds(asked.data)).not.toContain(p.jeans)
    })

    it("answers another shopper's recommendation with 404, for reading and for feedback", async () => {
      const { data } = await list(`region_id=${eur}&limit=3`)
      const id = data.recommendations[0].id
      const read = await fail(
        api.get(`/store/customers/me/recommendations/${id}`, {
          headers: bob.headers,
        })
      )
      expect(read.status).toBe(404)
      expect(read.data.message).toContain(id)
      expect(
        (
          await fail(
            api.post(
              `/store/customers/me/recommendations/${id}/feedback`,
              { rating: "like" },
              { headers: bob.headers }
            )
          )
        ).status
      ).toBe(404)
    })

    it("refuses a visitor without a customer token with 401", async () => {
      const headers = { "x-publishable-api-key": pk }
      expect(
        (
          await fail(
            api.get(`/store/customers/me/recommendations?region_id=${eur}`, {
              headers,
            })
          )
        ).status
      ).toBe(401)
      expect(
        (
          await fail(
            api.post(
              "/store/customers/me/recommendations/generate",
              { region_id: eur, kind: "product" },
              { headers }
            )
          )
        ).status
      ).toBe(401)
      expect(
        (
          await fail(
            api.post(
              "/store/customers/me/recommendations/signals",
              { signals: [{ product_id: p.good, kind: "view" }] },
              { headers }
            )
          )
        ).status
      ).toBe(401)
    })

    it.each([
      ["no region", "kind=product"],
      ["a limit over 50", `region_id=${"x"}&limit=51`],
      ["an unknown kind", `region_id=x&kind=shoes`],
      ["an unknown parameter", `region_id=x&colour=red`],
    ])("answers %s with 400", async (_, q) => {
      expect((await list(q)).status).toBe(400)
    })

    it("answers an unknown region, anchor product or wardrobe item with 404 naming it, and a bad feedback with 400", async () => {
      const region = await list("region_id=reg_nope")
      expect(region.status).toBe(404)
      expect(region.data.message).toContain("reg_nope")
      const anchor = await fail(
        api.post(
          "/store/customers/me/recommendations/generate",
          {
            region_id: eur,
            kind: "outfit",
            anchor: { product_id: "prod_nope" },
          },
          { headers: ann.headers }
        )
      )
      expect(anchor.status).toBe(404)
      expect(anchor.data.message).toContain("prod_nope")
      const owned = await fail(
        api.post(
          "/store/customers/me/recommendations/generate",
          {
            region_id: eur,
            kind: "outfit",
            anchor: { wardrobe_item_id: "witem_nope" },
          },
          { headers: ann.headers }
        )
      )
      expect(owned.status).toBe(404)
      expect(owned.data.message).toContain("witem_nope")
      const { data } = await list(`region_id=${eur}&limit=1`)
      expect(
        (
          await fail(
            api.post(
              `/store/customers/me/recommendations/${data.recommendations[0].id}/feedback`,
              { rating: "meh" },
              { headers: ann.headers }
            )
          )
        ).status
      ).toBe(400)
      expect(
        (
          await fail(
            api.post(
              "/store/customers/me/recommendations/generate",
              { region_id: eur, kind: "outfit", occasion: "Disco" },
              { headers: ann.headers }
            )
          )
        ).status
      ).toBe(400)
    })

    it("completes the look around a product for a visitor: the product, a bottom and shoes, all buyable in the size asked", async () => {
      const { status, data } = await fail(
        api.get(
          `/store/products/${p.good}/complete-the-look?region_id=${eur}&size=M`,
          { headers: { "x-publishable-api-key": pk } }
        )
      )
      expect(status).toBe(200)
      const outfit = data.recommendations[0]
      expect(outfit.kind).toBe("outfit")
      expect(outfit.items[0].product.id).toBe(p.good)
      expect(outfit.items.map((i: any) => i.product.id)).toEqual(
        expect.arrayContaining([p.jeans, p.shoes])
      )
      expect(outfit.reason).toContain("goes with")
      expect(
        (
          await fail(
            api.get(
              `/store/products/prod_nope/complete-the-look?region_id=${eur}`,
              { headers: { "x-publishable-api-key": pk } }
            )
          )
        ).status
      ).toBe(404)
    })

    it("records a purchase signal for each product of a placed order (order.placed)", async () => {
      const container = getContainer()
      const order: any = await container.resolve(Modules.ORDER).createOrders({
        customer_id: ann.customer.id,
        region_id: eur,
        currency_code: "eur",
        email: ann.customer.email,
        items: [
          { title: "Jeans", quantity: 1, unit_price: 30, product_id: p.jeans },
          { title: "Shoes", quantity: 2, unit_price: 30, product_id: p.shoes },
        ],
      } as any)
      await container
        .resolve(Modules.EVENT_BUS)
        .emit({ name: "order.placed", data: { id: order.id } })
      const recs: any = container.resolve("recommendations")
      const deadline = Date.now() + 20000
      let taste = new Map<string, number>()
      while (Date.now() < deadline && taste.size < 2) {
        taste = await recs.tasteOf(ann.customer.id)
        if (taste.size < 2) await new Promise((r) => setTimeout(r, 250))
      }
      expect(Object.fromEntries(taste)).toEqual({ [p.jeans]: 1, [p.shoes]: 1 })
    })

    it("learns bought-together from signals once trained by the admin", async () => {
      for (const who of [ann, bob]) {
        const r = await fail(
          api.post(
            "/store/customers/me/recommendations/signals",
            {
              signals: [
                { product_id: p.jeans, kind: "cart" },
                { product_id: p.shoes, kind: "cart" },
              ],
            },
            { headers: who.headers }
          )
        )
        expect(r.status).toBe(201)
      }
      const headers = { "x-publishable-api-key": pk }
      expect(
        productIds(
          (
            await api.get(
              `/store/products/${p.jeans}/bought-together?region_id=${eur}`,
              { headers }
            )
          ).data
        )
      ).not.toContain(p.shoes)
      const trained = await api.post("/admin/recommendations/train", {}, admin)
      expect(trained.data.model).toMatchObject({ shoppers: 2, items: 2 })
      const { data } = await api.get(
        `/store/products/${p.jeans}/bought-together?region_id=${eur}`,
        { headers }
      )
      expect(productIds(data)).toEqual([p.shoes])
      expect(data.recommendations[0].reason).toBe("often bought together")
    })
  },
})
