import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createSalesChannelsWorkflow } from "@medusajs/medusa/core-flows"
import fs from "node:fs"
import path from "node:path"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import { createTestProduct } from "../helpers/products"
import { MAX_LOOK_ITEMS } from "../../src/shared/look-limits"

// the weight-free embedder: CLIP weights are not available to the tests
process.env.CURATOR_EMBEDDER = "classic"
jest.setTimeout(300 * 1000)

const demoDir = path.resolve(__dirname, "../../data/demo-catalog/images")
const photo = (i: number) =>
  fs.readFileSync(path.join(demoDir, fs.readdirSync(demoDir).sort()[i]))

medusaIntegrationTestRunner({
  env: { CURATOR_EMBEDDER: "classic" },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regions: Awaited<ReturnType<typeof seedDemo>>["regions"]
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let channelId: string
    let products: { shirt: any; jeans: any; soldOut: any; euroOnly: any }

    beforeAll(async () => {
      ;({ pk, regions } = await seedDemo(getContainer(), 12))
      await createAdmin(getContainer())
      admin = {
        headers: {
          authorization: `Bearer ${(await api.post("/auth/user/emailpass", ADMIN)).data.token}`,
        },
      }
      store = { headers: { "x-publishable-api-key": pk } }
      channelId = (
        await api.get("/admin/sales-channels?name=CuratorAI Web Store", admin)
      ).data.sales_channels[0].id
      const c = getContainer()
      products = {
        shirt: await createTestProduct(c, {
          photo: photo(100),
          sizes: { S: { eu: 5, us: 5 }, M: { eu: 0, us: 2 } },
          prices: { eur: 30, usd: 35 },
        }),
        jeans: await createTestProduct(c, {
          photo: photo(101),
          sizes: { "32": { eu: 4, us: 4 } },
          prices: { eur: 60, usd: 70 },
        }),
        soldOut: await createTestProduct(c, {
          photo: photo(102),
          sizes: { L: { eu: 0, us: 0 } },
          prices: { eur: 20, usd: 22 },
        }),
        euroOnly: await createTestProduct(c, {
          photo: photo(103),
          sizes: { M: { eu: 3, us: 3 } },
          prices: { eur: 25 },
        }),
      }
    })

    const variantOf = async (productId: string, size: string) =>
      (
        await api.get(
          `/admin/products/${productId}?fields=variants.id,variants.title`,
          admin
        )
      ).data.product.variants.find((v: any) => v.title === size).id

    async function publishedLookbook(overrides: Record<string, unknown> = {}) {
      const { data } = await api.post(
        "/admin/lookbooks",
        {
          title: `Look ${Math.random().toString(36).slice(2, 8)}`,
          status: "published",
          sales_channel_ids: [channelId],
          ...overrides,
        },
        admin
      )
      const { data: withLook } = await api.post(
        `/admin/lookbooks/${data.lookbook.id}/looks`,
        {
          title: "The look",
          image_url: "http://localhost:9000/static/look.jpg",
          hotspots: Object.values(products).map((p: any, i) => ({
            x: 0.2 + i * 0.2,
            y: 0.5,
            product_id: p.id,
          })),
        },
        admin
      )
      return withLook.lookbook
    }

    describe("admin", () => {
      it("requires an admin", async () => {
        expect(
          (await api.get("/admin/lookbooks").catch((e: any) => e.response))
            .status
        ).toBe(401)
        expect(
          (
            await api
              .post("/admin/lookbooks", { title: "x" })
              .catch((e: any) => e.response)
          ).status
        ).toBe(401)
      })

      it("creates a draft lookbook with a derived handle and refuses a duplicate handle", async () => {
        const { status, data } = await api.post(
          "/admin/lookbooks",
          { title: "Autumn Layers!", sales_channel_ids: [channelId] },
          admin
        )
        expect(status).toBe(201)
        expect(data.lookbook).toMatchObject({
          title: "Autumn Layers!",
          handle: "autumn-layers",
          status: "draft",
        })
        expect(data.lookbook.sales_channels.map((c: any) => c.id)).toEqual([
          channelId,
        ])
        const dup = await api
          .post(
            "/admin/lookbooks",
            { title: "Other", handle: "autumn-layers" },
            admin
          )
          .catch((e: any) => e.response)
        expect(dup.status).toBe(422)
        expect(dup.data.message).toMatch(/autumn-layers/)
      })

      it("rejects malformed lookbooks and looks with 400, storing nothing", async () => {
        const before = (await api.get("/admin/lookbooks", admin)).data.count
        for (const body of [
          {},
          { title: "" },
          { title: "x", status: "live" },
          { title: "x", handle: "Not A Handle" },
          { title: "x", publish_at: "2030-01-01", unpublish_at: "2029-01-01" },
          { title: "x", extra: 1 },
        ]) {
          expect(
            (
              await api
                .post("/admin/lookbooks", body, admin)
                .catch((e: any) => e.response)
            ).status
          ).toBe(400)
        }
        const missingChannel = await api
          .post(
            "/admin/lookbooks",
            { title: "x", sales_channel_ids: ["sc_nope"] },
            admin
          )
          .catch((e: any) => e.response)
        expect(missingChannel.status).toBe(404)
        expect((await api.get("/admin/lookbooks", admin)).data.count).toBe(
          before
        )

        const lb = (
          await api.post("/admin/lookbooks", { title: "Validation" }, admin)
        ).data.lookbook
        const jeansVariant = await variantOf(products.jeans.id, "32")
        for (const [hotspot, status, message] of [
          [
            { x: 1.5, y: 0.5, product_id: products.shirt.id },
            400,
            /hotspots.*x/,
          ],
          [
            { x: 0.5, y: 0.5, product_id: "prod_nope" },
            400,
            /prod_nope was not found/,
          ],
          [
            {
              x: 0.5,
              y: 0.5,
              product_id: products.shirt.id,
              variant_id: jeansVariant,
            },
            400,
            /is not a variant of product/,
          ],
        ] as const) {
          const r = await api
            .post(
              `/admin/lookbooks/${lb.id}/looks`,
              { title: "t", image_url: "http://x/y.jpg", hotspots: [hotspot] },
              admin
            )
            .catch((e: any) => e.response)
          expect(r.status).toBe(status)
          expect(r.data.message).toMatch(message)
        }
        expect(
          (await api.get(`/admin/lookbooks/${lb.id}`, admin)).data.lookbook
            .looks
        ).toHaveLength(0)
        expect(
          (
            await api
              .get(`/admin/lookbooks/lkbk_nope`, admin)
              .catch((e: any) => e.response)
          ).status
        ).toBe(404)
      })

      it("adds, edits, reorders and deletes looks", async () => {
        const lb = (
          await api.post("/admin/lookbooks", { title: "Editing" }, admin)
        ).data.lookbook
        const a = (
          await api.post(
            `/admin/lookbooks/${lb.id}/looks`,
            {
              title: "A",
              image_url: "http://x/a.jpg",
              hotspots: [{ x: 0.1, y: 0.2, product_id: products.shirt.id }],
            },
            admin
          )
        ).data.look_id
        const b = (
          await api.post(
            `/admin/lookbooks/${lb.id}/looks`,
            { title: "B", image_url: "http://x/b.jpg" },
            admin
          )
        ).data.look_id
        let { data } = await api.get(`/admin/lookbooks/${lb.id}`, admin)
        expect(data.lookbook.looks.map((l: any) => l.title)).toEqual(["A", "B"])
        expect(data.lookbook.looks[0].hotspots[0]).toMatchObject({
          x: 0.1,
          y: 0.2,
          product_id: products.shirt.id,
        })
        await api.post(
          `/admin/lookbooks/${lb.id}/looks/${a}`,
          {
            hotspots: [
              { x: 0.5, y: 0.5, product_id: products.jeans.id },
              { x: 0.7, y: 0.7, product_id: products.shirt.id },
            ],
          },
          admin
        )
        ;({ data } = await api.post(
          `/admin/lookbooks/${lb.id}/reorder`,
          { look_ids: [b, a] },
          admin
        ))
        expect(data.lookbook.looks.map((l: any) => l.title)).toEqual(["B", "A"])
        expect(
          data.lookbook.looks[1].hotspots.map((h: any) => h.product_id).sort()
        ).toEqual([products.jeans.id, products.shirt.id].sort())
        expect(
          (
            await api
              .post(
                `/admin/lookbooks/${lb.id}/reorder`,
                { look_ids: [a] },
                admin
              )
              .catch((e: any) => e.response)
          ).status
        ).toBe(400)
        await api.delete(`/admin/lookbooks/${lb.id}/looks/${b}`, admin)
        expect(
          (
            await api.get(`/admin/lookbooks/${lb.id}`, admin)
          ).data.lookbook.looks.map((l: any) => l.id)
        ).toEqual([a])
        expect(
          (
            await api.get(`/admin/products/${products.jeans.id}/looks`, admin)
          ).data.looks.map((l: any) => l.id)
        ).toContain(a)
      })
    })

    describe("store", () => {
      it("shows only live lookbooks of the shopper's sales channel", async () => {
        const live = await publishedLookbook()
        const draft = await publishedLookbook({ status: "draft" })
        const future = await publishedLookbook({
          publish_at: new Date(Date.now() + 86400000).toISOString(),
        })
        const ended = await publishedLookbook({
          unpublish_at: new Date(Date.now() - 1000).toISOString(),
          publish_at: new Date(Date.now() - 86400000).toISOString(),
        })
        const {
          result: [other],
        } = await createSalesChannelsWorkflow(getContainer()).run({
          input: { salesChannelsData: [{ name: "Wholesale" }] },
        })
        const elsewhere = await publishedLookbook({
          sales_channel_ids: [other.id],
        })
        const { data } = await api.get("/store/lookbooks", store)
        const ids = data.lookbooks.map((l: any) => l.id)
        expect(ids).toContain(live.id)
        for (const hidden of [draft, future, ended, elsewhere]) {
          expect(ids).not.toContain(hidden.id)
          expect(
            (
              await api
                .get(`/store/lookbooks/${hidden.id}`, store)
                .catch((e: any) => e.response)
            ).status
          ).toBe(404)
        }
        expect(
          (await api.get(`/store/lookbooks/${live.handle}`, store)).data
            .lookbook.id
        ).toBe(live.id)
      })

      it("prices and stocks the hotspot products for the shopper's region", async () => {
        const lb = await publishedLookbook()
        const eu = (
          await api.get(
            `/store/lookbooks/${lb.id}?region_id=${regions.eur.id}`,
            store
          )
        ).data.lookbook
        const us = (
          await api.get(
            `/store/lookbooks/${lb.id}?region_id=${regions.usd.id}`,
            store
          )
        ).data.lookbook
        const shirt = (l: any) =>
          l.looks[0].hotspots.find(
            (h: any) => h.product.id === products.shirt.id
          ).product
        expect(
          shirt(eu).variants.find((v: any) => v.size === "M")
        ).toMatchObject({
          calculated_price: 30,
          currency_code: "eur",
          in_stock: false,
        })
        expect(
          shirt(us).variants.find((v: any) => v.size === "M")
        ).toMatchObject({
          calculated_price: 35,
          currency_code: "usd",
          in_stock: true,
        })
        expect(
          (
            await api
              .get(`/store/lookbooks/${lb.id}?region_id=reg_nope`, store)
              .catch((e: any) => e.response)
          ).status
        ).toBe(404)
      })

      describe("add the whole look to the cart", () => {
        let lb: any
        let cartId: string
        const cartLines = async () =>
          (await api.get(`/store/carts/${cartId}`, store)).data.cart.items
            .map((i: any) => ({ v: i.variant_id, q: i.quantity }))
            .sort((a: any, b: any) => a.v.localeCompare(b.v))
        beforeEach(async () => {
          lb = await publishedLookbook()
          cartId = (
            await api.post("/store/carts", { region_id: regions.eur.id }, store)
          ).data.cart.id
        })
        const url = () =>
          `/store/lookbooks/${lb.id}/looks/${lb.looks[0].id}/add-to-cart`

        it("adds every picked item in one go", async () => {
          const items = [
            {
              product_id: products.shirt.id,
              variant_id: await variantOf(products.shirt.id, "S"),
            },
            {
              product_id: products.jeans.id,
              variant_id: await variantOf(products.jeans.id, "32"),
            },
          ]
          const { status, data } = await api.post(
            url(),
            { cart_id: cartId, items },
            store
          )
          expect(status).toBe(200)
          expect(data.cart.items).toHaveLength(2)
          expect(await cartLines()).toEqual(
            items
              .map((i) => ({ v: i.variant_id, q: 1 }))
              .sort((a, b) => a.v.localeCompare(b.v))
          )
          expect(data.cart.items[0].metadata).toMatchObject({
            look_id: lb.looks[0].id,
          })
        })

        it("adds nothing and says why per item when one pick is out of stock in the region", async () => {
          await api.post(
            `/store/carts/${cartId}/line-items`,
            {
              variant_id: await variantOf(products.jeans.id, "32"),
              quantity: 1,
            },
            store
          )
          const before = await cartLines()
          const items = [
            {
              product_id: products.shirt.id,
              variant_id: await variantOf(products.shirt.id, "S"),
            },
            {
              product_id: products.shirt.id,
              variant_id: await variantOf(products.shirt.id, "M"),
            }, // only stocked in the US
            {
              product_id: products.soldOut.id,
              variant_id: await variantOf(products.soldOut.id, "L"),
            },
          ]
          const r = await api
            .post(url(), { cart_id: cartId, items }, store)
            .catch((e: any) => e.response)
          expect(r.status).toBe(409)
          expect(
            r.data.items.map((i: any) => [i.ok, i.reason ?? null])
          ).toEqual([
            [true, null],
            [false, "out_of_stock"],
            [false, "out_of_stock"],
          ])
          expect(r.data.items[1].message).toMatch(
            /Size M .* out of stock in this region/
          )
          expect(await cartLines()).toEqual(before)
        })

        it("refuses products that are not on the look, and variants of another product", async () => {
          const stranger = await createTestProduct(getContainer(), {
            photo: photo(104),
            sizes: { S: { eu: 5, us: 5 } },
            prices: { eur: 10, usd: 12 },
          })
          const r = await api
            .post(
              url(),
              {
                cart_id: cartId,
                items: [
                  {
                    product_id: stranger.id,
                    variant_id: await variantOf(stranger.id, "S"),
                  },
                  {
                    product_id: products.shirt.id,
                    variant_id: await variantOf(products.jeans.id, "32"),
                  },
                ],
              },
              store
            )
            .catch((e: any) => e.response)
          expect(r.status).toBe(409)
          expect(r.data.items.map((i: any) => i.reason)).toEqual([
            "not_in_look",
            "variant_not_of_product",
          ])
          expect(await cartLines()).toEqual([])
        })

        it("refuses a pick with no price in the cart's region (not_priced_in_region) and adds nothing", async () => {
          // before the buyability rule, this reached Medusa's add-to-cart and failed there part-way
          const items = [
            {
              product_id: products.shirt.id,
              variant_id: await variantOf(products.shirt.id, "S"),
            },
            {
              product_id: products.euroOnly.id,
              variant_id: await variantOf(products.euroOnly.id, "M"),
            },
          ]
          const usCart = (
            await api.post("/store/carts", { region_id: regions.usd.id }, store)
          ).data.cart.id
          const r = await api
            .post(url(), { cart_id: usCart, items }, store)
            .catch((e: any) => e.response)
          expect(r.status).toBe(409)
          expect(
            r.data.items.map((i: any) => [i.ok, i.reason ?? null])
          ).toEqual([
            [true, null],
            [false, "not_priced_in_region"],
          ])
          expect(r.data.message).toMatch(/price/i)
          expect(
            (await api.get(`/store/carts/${usCart}`, store)).data.cart.items
          ).toEqual([])
        })

        it("sums the picks of one variant and what the cart holds against the region's stock (2+2 of 2 → 409, nothing added)", async () => {
          const m = await variantOf(products.shirt.id, "M") // 2 in the US warehouse
          const usCart = (
            await api.post("/store/carts", { region_id: regions.usd.id }, store)
          ).data.cart.id
          const twice = [
            { product_id: products.shirt.id, variant_id: m, quantity: 2 },
            { product_id: products.shirt.id, variant_id: m, quantity: 2 },
          ]
          const r = await api
            .post(url(), { cart_id: usCart, items: twice }, store)
            .catch((e: any) => e.response)
          expect(r.status).toBe(409)
          expect(r.data.items.map((i: any) => i.reason)).toEqual([
            "out_of_stock",
            "out_of_stock",
          ])
          expect(
            (await api.get(`/store/carts/${usCart}`, store)).data.cart.items
          ).toEqual([])
          // one already in the cart: two more is one too many, one more fits
          await api.post(
            `/store/carts/${usCart}/line-items`,
            { variant_id: m, quantity: 1 },
            store
          )
          const more = await api
            .post(
              url(),
              {
                cart_id: usCart,
                items: [
                  { product_id: products.shirt.id, variant_id: m, quantity: 2 },
                ],
              },
              store
            )
            .catch((e: any) => e.response)
          expect(more.status).toBe(409)
          expect(more.data.items[0].message).toMatch(/3 units/)
          const one = await api.post(
            url(),
            {
              cart_id: usCart,
              items: [
                { product_id: products.shirt.id, variant_id: m, quantity: 1 },
              ],
            },
            store
          )
          expect(one.status).toBe(200)
          expect(
            (
              await api.get(`/store/carts/${usCart}`, store)
            ).data.cart.items.reduce((n: number, i: any) => n + i.quantity, 0)
          ).toBe(2)
        })

        it("refuses more items than the limit shared with the storefront", async () => {
          const pick = {
            product_id: products.jeans.id,
            variant_id: await variantOf(products.jeans.id, "32"),
          }
          const r = await api
            .post(
              url(),
              {
                cart_id: cartId,
                items: Array.from({ length: MAX_LOOK_ITEMS + 1 }, () => pick),
              },
              store
            )
            .catch((e: any) => e.response)
          expect(r.status).toBe(400)
          expect(await cartLines()).toEqual([])
        })

        it("rejects malformed bodies and unknown ids", async () => {
          for (const body of [
            {},
            { cart_id: cartId },
            { cart_id: cartId, items: [] },
            { cart_id: cartId, items: [{ product_id: products.shirt.id }] },
          ]) {
            const r = await api
              .post(url(), body, store)
              .catch((e: any) => e.response)
            expect(r.status).toBe(400)
          }
          const items = [
            {
              product_id: products.shirt.id,
              variant_id: await variantOf(products.shirt.id, "S"),
            },
          ]
          expect(
            (
              await api
                .post(url(), { cart_id: "cart_nope", items }, store)
                .catch((e: any) => e.response)
            ).status
          ).toBe(404)
          expect(
            (
              await api
                .post(
                  `/store/lookbooks/${lb.id}/looks/look_nope/add-to-cart`,
                  { cart_id: cartId, items },
                  store
                )
                .catch((e: any) => e.response)
            ).status
          ).toBe(404)
        })
      })

      it("counts views, hotspot opens and adds to cart per look for the admin", async () => {
        const lb = await publishedLookbook()
        const look = lb.looks[0].id
        await api.post(
          `/store/lookbooks/${lb.id}/events`,
          { type: "look_viewed", look_id: look },
          store
        )
        await api.post(
          `/store/lookbooks/${lb.id}/events`,
          { type: "look_viewed", look_id: look },
          store
        )
        await api.post(
          `/store/lookbooks/${lb.id}/events`,
          {
            type: "hotspot_opened",
            look_id: look,
            product_id: products.shirt.id,
          },
          store
        )
        expect(
          (
            await api
              .post(
                `/store/lookbooks/${lb.id}/events`,
                { type: "hotspot_opened", look_id: look, product_id: "prod_x" },
                store
              )
              .catch((e: any) => e.response)
          ).status
        ).toBe(400)
        const cartId = (
          await api.post("/store/carts", { region_id: regions.eur.id }, store)
        ).data.cart.id
        await api.post(
          `/store/lookbooks/${lb.id}/looks/${look}/add-to-cart`,
          {
            cart_id: cartId,
            items: [
              {
                product_id: products.jeans.id,
                variant_id: await variantOf(products.jeans.id, "32"),
              },
            ],
          },
          store
        )
        const { data } = await api.get(
          `/admin/lookbooks/${lb.id}/analytics`,
          admin
        )
        expect(data.looks[0]).toEqual({
          look_id: look,
          views: 2,
          hotspot_opens: 1,
          adds_to_cart: 1,
          items_added: 1,
          conversion: 0.5,
        })
      })
    })
  },
})
