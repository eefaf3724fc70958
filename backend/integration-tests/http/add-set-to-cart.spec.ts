import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import sharp from "sharp"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import { registerShopper } from "../helpers/shopper"
import { createTestProduct } from "../helpers/products"
import { RECOMMENDATIONS_MODULE } from "../../src/modules/recommendations"
import type RecommendationsModuleService from "../../src/modules/recommendations/service"

process.env.CURATOR_EMBEDDER = "classic"
process.env.CURATOR_RATE_LIMIT_POSTS = "0"
process.env.CURATOR_RATE_LIMIT_WRITES = "0"
jest.setTimeout(300 * 1000)

const fail = (p: Promise<any>) =>
  p.then(
    (r) => r,
    (e) => e.response
  )
const meta = (article_type: string, sub: string, master = "Apparel") => ({
  master_category: master,
  sub_category: sub,
  article_type,
  base_colour: "Navy Blue",
  gender: "Men",
  usage: "Casual",
  season: "Winter",
})

medusaIntegrationTestRunner({
  env: {
    CURATOR_EMBEDDER: "classic",
    CURATOR_RATE_LIMIT_POSTS: "0",
    CURATOR_RATE_LIMIT_WRITES: "0",
  },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let eur: string
    let store: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let ann: Awaited<ReturnType<typeof registerShopper>>
    let bob: Awaited<ReturnType<typeof registerShopper>>
    const p: Record<string, string> = {}
    let photo: Buffer

    beforeAll(async () => {
      const container = getContainer()
      const seeded = await seedDemo(container, 6)
      pk = seeded.pk
      eur = seeded.regions.eur.id
      store = { headers: { "x-publishable-api-key": pk } }
      ann = await registerShopper(api, pk, "ann@buy.local")
      bob = await registerShopper(api, pk, "bob@buy.local")
      await createAdmin(container)
      admin = {
        headers: {
          authorization: `Bearer ${(await api.post("/auth/user/emailpass", ADMIN)).data.token}`,
        },
      }
      photo = await sharp({
        create: { width: 64, height: 64, channels: 3, background: "#203060" },
      })
        .jpeg()
        .toBuffer()
      const make = async (
        name: string,
        metadata: Record<string, string>,
        sizes: Record<string, { eu: number; us: number }>
      ) => {
        const made = await createTestProduct(container, {
          photo,
          sizes,
          prices: { eur: 30, usd: 30 },
        })
        await container
          .resolve(Modules.PRODUCT)
          .updateProducts(made.id, { metadata })
        p[name] = made.id
      }
      await make("tee", meta("Tshirts", "Topwear"), { M: { eu: 5, us: 5 } })
      await make("jeans", meta("Jeans", "Bottomwear"), { M: { eu: 5, us: 5 } })
      await make("shoes", meta("Casual Shoes", "Shoes", "Footwear"), {
        "42": { eu: 5, us: 5 },
      })
      await make("belt", meta("Belts", "Belts", "Accessories"), {
        M: { eu: 5, us: 5 },
      })
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
      // here, not in a nested beforeAll: the runner snapshots the database
      // before the first test and restores that snapshot before every test
      publicPost = await createPost("public", [p.tee, p.jeans])
      followersPost = await createPost("followers", [p.tee])
    })

    let publicPost: string
    let followersPost: string
    const variantOf = async (productId: string) =>
      (await api.get(`/store/products/${productId}?fields=variants.id`, store))
        .data.product.variants[0].id as string
    const createPost = async (visibility: string, tagged: string[]) => {
      const form = new FormData()
      form.append(
        "images",
        new Blob([new Uint8Array(photo)], { type: "image/jpeg" }),
        "look.jpg"
      )
      form.append("caption", "My look #navy")
      form.append("visibility", visibility)
      form.append(
        "tags",
        JSON.stringify(
          tagged.map((product_id, i) => ({
            image: 0,
            x: 0.2 + i * 0.2,
            y: 0.5,
            product_id,
          }))
        )
      )
      const res = await fetch(`${api.defaults.baseURL}/store/feed/posts`, {
        method: "POST",
        body: form,
        headers: ann.headers,
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as any).post.id as string
    }
    const newCart = async () =>
      (await api.post("/store/carts", { region_id: eur }, store)).data.cart
        .id as string
    const cartLines = async (cartId: string) =>
      (
        (await api.get(`/store/carts/${cartId}`, store)).data.cart
          .items as any[]
      )
        .map((i) => ({ v: i.variant_id, q: i.quantity }))
        .sort((a, b) => a.v.localeCompare(b.v))
    /** sets a product's only variant's stock in the EU warehouse */
    const stockEu = async (productId: string, qty: number) => {
      const c = getContainer()
      const query = c.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory_item_id"],
        filters: { product_id: productId },
      })
      const { data: locations } = await query.graph({
        entity: "stock_location",
        fields: ["id", "name"],
      })
      await c.resolve(Modules.INVENTORY).updateInventoryLevels([
        {
          inventory_item_id: (variants as any[])[0].inventory_items[0]
            .inventory_item_id,
          location_id: (locations as any[]).find((l) =>
            l.name.startsWith("EU")
          )!.id,
          stocked_quantity: qty,
        },
      ])
    }

    describe("POST /store/customers/me/recommendations/:id/add-to-cart", () => {
      let outfit: any
      const picks = () =>
        outfit.items
          .filter((i: any) => !i.owned)
          .map((i: any) => ({
            product_id: i.product.id,
            variant_id: i.variant.id,
          }))
      const add = (body: any, who = ann, id = outfit.id) =>
        fail(
          api.post(
            `/store/customers/me/recommendations/${id}/add-to-cart`,
            body,
            { headers: who.headers }
          )
        )

      beforeAll(async () => {
        const { data } = await api.get(
          `/store/customers/me/recommendations?region_id=${eur}&kind=outfit&limit=10`,
          { headers: ann.headers }
        )
        outfit = data.recommendations.find((r: any) =>
          r.items.some((i: any) => i.product.id === p.tee)
        )
        expect(outfit.items.map((i: any) => i.product.id)).toEqual(
          expect.arrayContaining([p.tee, p.jeans, p.shoes])
        )
        for (const i of outfit.items)
          expect(i.variant.id).toEqual(expect.any(String))
      })

      it("adds every item of the outfit in the sizes picked and records a cart signal per product", async () => {
        const cartId = await newCart()
        const items = picks()
        const { status, data } = await add({ cart_id: cartId, items })
        expect(status).toBe(200)
        expect(data.items.every((i: any) => i.ok)).toBe(true)
        expect(await cartLines(cartId)).toEqual(
          items
            .map((i: any) => ({ v: i.variant_id, q: 1 }))
            .sort((a: any, b: any) => a.v.localeCompare(b.v))
        )
        expect(data.cart.items[0].metadata).toMatchObject({
          source: "outfit",
          outfit_id: outfit.id,
        })
        const signals = await getContainer()
          .resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
          .listRecSignals({ customer_id: ann.id, kind: "cart" })
        expect(signals.map((s: any) => s.product_id).sort()).toEqual(
          items.map((i: any) => i.product_id).sort()
        )
      })

      it("adds nothing and says why per item when one item went out of stock after it was recommended", async () => {
        const cartId = await newCart()
        await stockEu(p.jeans, 0)
        try {
          const r = await add({ cart_id: cartId, items: picks() })
          expect(r.status).toBe(409)
          expect(r.data.type).toBe("not_allowed")
          const jeans = r.data.items.find((i: any) => i.product_id === p.jeans)
          expect(jeans).toMatchObject({ ok: false, reason: "out_of_stock" })
          expect(
            r.data.items.filter((i: any) => i.product_id !== p.jeans)
          ).toEqual(
            expect.arrayContaining([expect.objectContaining({ ok: true })])
          )
          expect(r.data.message).toMatch(p.jeans)
          expect(await cartLines(cartId)).toEqual([])
        } finally {
          await stockEu(p.jeans, 5)
        }
      })

      it("answers 404 for another shopper's recommendation and adds nothing", async () => {
        const cartId = await newCart()
        const r = await add({ cart_id: cartId, items: picks() }, bob)
        expect(r.status).toBe(404)
        expect(r.data.message).toMatch(outfit.id)
        expect(await cartLines(cartId)).toEqual([])
      })

      it("refuses a product that is not in the recommendation with 409 naming it", async () => {
        const cartId = await newCart()
        // a sold, in-stock product the outfit does not hold
        const inOutfit = new Set(outfit.items.map((i: any) => i.product.id))
        const { data: listed } = await api.get(
          `/store/products?limit=50&fields=id,variants.id`,
          store
        )
        const outsider = listed.products.find((x: any) => !inOutfit.has(x.id))
        expect(outsider).toBeDefined()
        const items = [
          ...picks(),
          { product_id: outsider.id, variant_id: outsider.variants[0].id },
        ]
        const r = await add({ cart_id: cartId, items })
        expect(r.status).toBe(409)
        expect(r.data.items.at(-1)).toMatchObject({
          product_id: outsider.id,
          ok: false,
          reason: "not_in_outfit",
        })
        expect(r.data.items.slice(0, -1).every((i: any) => i.ok)).toBe(true)
        expect(r.data.message).toContain(outsider.id)
        expect(await cartLines(cartId)).toEqual([])
      })

      it("rejects a malformed body with 400 (no size picked, unknown field)", async () => {
        const cartId = await newCart()
        for (const body of [
          { cart_id: cartId, items: [{ product_id: p.tee }] },
          { cart_id: cartId, items: picks(), extra: 1 },
          { cart_id: cartId, items: [] },
        ])
          expect((await add(body)).status).toBe(400)
      })

      it("takes the items out of the cart again when a step after the add fails (all or none)", async () => {
        const cartId = await newCart()
        const pg = getContainer().resolve(
          ContainerRegistrationKeys.PG_CONNECTION
        )
        const before = (
          await getContainer()
            .resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
            .listRecSignals({ customer_id: ann.id, kind: "cart" })
        ).length
        // the cart-signal write, which runs after the items were added, now fails
        await pg.raw(`ALTER TABLE rec_signal RENAME TO rec_signal_away`)
        let r
        try {
          r = await add({ cart_id: cartId, items: picks() })
        } finally {
          await pg.raw(`ALTER TABLE rec_signal_away RENAME TO rec_signal`)
        }
        expect(r.status).toBeGreaterThanOrEqual(500)
        expect(await cartLines(cartId)).toEqual([])
        expect(
          (
            await getContainer()
              .resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
              .listRecSignals({ customer_id: ann.id, kind: "cart" })
          ).length
        ).toBe(before)
        // and the same request goes through once the store is healthy again
        expect((await add({ cart_id: cartId, items: picks() })).status).toBe(
          200
        )
      })
    })

    describe("POST /store/feed/posts/:id/add-to-cart", () => {
      const add = (id: string, body: any, headers = store.headers) =>
        fail(api.post(`/store/feed/posts/${id}/add-to-cart`, body, { headers }))

      it("adds the picked tagged products of a public post for a visitor without an account", async () => {
        const cartId = await newCart()
        const items = [
          { product_id: p.tee, variant_id: await variantOf(p.tee) },
          {
            product_id: p.jeans,
            variant_id: await variantOf(p.jeans),
            quantity: 2,
          },
        ]
        const { status, data } = await add(publicPost, {
          cart_id: cartId,
          items,
        })
        expect(status).toBe(200)
        expect(data.items.map((i: any) => i.ok)).toEqual([true, true])
        expect(await cartLines(cartId)).toEqual(
          items
            .map((i) => ({ v: i.variant_id, q: i.quantity ?? 1 }))
            .sort((a, b) => a.v.localeCompare(b.v))
        )
        expect(data.cart.items[0].metadata).toMatchObject({
          source: "post",
          post_id: publicPost,
        })
      })

      it("refuses a product the post does not tag, and an out-of-stock tag, with 409 and adds nothing", async () => {
        const cartId = await newCart()
        const items = [
          { product_id: p.tee, variant_id: await variantOf(p.tee) },
          { product_id: p.shoes, variant_id: await variantOf(p.shoes) },
        ]
        let r = await add(publicPost, { cart_id: cartId, items })
        expect(r.status).toBe(409)
        expect(r.data.items.map((i: any) => [i.ok, i.reason ?? null])).toEqual([
          [true, null],
          [false, "not_in_post"],
        ])
        expect(r.data.message).toContain(p.shoes)
        r = await add(publicPost, {
          cart_id: cartId,
          items: [
            { product_id: p.tee, variant_id: items[0].variant_id, quantity: 6 },
          ],
        })
        expect(r.status).toBe(409)
        expect(r.data.items[0].reason).toBe("out_of_stock")
        expect(await cartLines(cartId)).toEqual([])
      })

      it("answers 404 for a followers-only post to a non-follower and for a hidden post, adding nothing", async () => {
        const cartId = await newCart()
        const items = [
          { product_id: p.tee, variant_id: await variantOf(p.tee) },
        ]
        expect(
          (await add(followersPost, { cart_id: cartId, items })).status
        ).toBe(404)
        expect(
          (await add(followersPost, { cart_id: cartId, items }, bob.headers))
            .status
        ).toBe(404)
        // the author sees their own followers-only post
        expect(
          (await add(followersPost, { cart_id: cartId, items }, ann.headers))
            .status
        ).toBe(200)
        const other = await newCart()
        await api.post(
          `/admin/moderation/posts/${publicPost}`,
          { action: "hide" },
          admin
        )
        try {
          expect(
            (await add(publicPost, { cart_id: other, items })).status
          ).toBe(404)
          expect(await cartLines(other)).toEqual([])
        } finally {
          await api.post(
            `/admin/moderation/posts/${publicPost}`,
            { action: "restore" },
            admin
          )
        }
        expect((await add("post_nope", { cart_id: other, items })).status).toBe(
          404
        )
      })
    })
  },
})
