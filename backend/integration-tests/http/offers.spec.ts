import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createSalesChannelsWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import fs from "node:fs"
import path from "node:path"
import { VISUAL_SEARCH_MODULE } from "../../src/modules/visual-search"
import {
  forgetProducts,
  productsOfInventoryItems,
  sellableProducts,
  warmStructures,
  type ExclusionReason,
  type ShopperContext,
} from "../../src/lib/offers"
import { FILTER_REASON } from "../../src/lib/visual-search/purchasable"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import { createTestProduct } from "../helpers/products"

// the weight-free embedder: CLIP weights are not available to the tests
process.env.CURATOR_EMBEDDER = "classic"
jest.setTimeout(600 * 1000)

const demoDir = path.resolve(__dirname, "../../data/demo-catalog/images")
const demoFiles = fs
  .readdirSync(demoDir)
  .filter((f) => f.endsWith(".jpg"))
  .sort((a, b) => Number(a.split(".")[0]) - Number(b.split(".")[0]))
const photo = (i: number) => fs.readFileSync(path.join(demoDir, demoFiles[i]))

type Kind = "base" | "draft" | "otherChannel" | "euroOnly" | "soldOut"
type Case = {
  name: string
  product: Kind
  region: "eur" | "usd"
  wishes?: Omit<ShopperContext, "region_id" | "sales_channel_ids">
  reason: ExclusionReason | null
}

/** One row per reason (and a sellable one): every caller must give the rule's answer. */
const CASES: Case[] = [
  { name: "a sellable product", product: "base", region: "eur", reason: null },
  {
    name: "a draft product",
    product: "draft",
    region: "eur",
    reason: "not_published",
  },
  {
    name: "a product of another sales channel",
    product: "otherChannel",
    region: "eur",
    reason: "not_in_sales_channel",
  },
  {
    name: "a product with no price in the region's currency",
    product: "euroOnly",
    region: "usd",
    reason: "not_priced_in_region",
  },
  {
    name: "a product no warehouse serving the region holds",
    product: "soldOut",
    region: "eur",
    reason: "out_of_stock",
  },
  {
    name: "a size the product does not come in",
    product: "base",
    region: "eur",
    wishes: { size: "XL" },
    reason: "no_size",
  },
  {
    name: "a size only stocked for another region",
    product: "base",
    region: "eur",
    wishes: { size: "M" },
    reason: "out_of_stock",
  },
  {
    name: "a budget below the price",
    product: "base",
    region: "eur",
    wishes: { max_price: 20 },
    reason: "over_budget",
  },
  {
    name: "a minimum above the price",
    product: "base",
    region: "eur",
    wishes: { min_price: 40 },
    reason: "under_budget",
  },
]

medusaIntegrationTestRunner({
  env: { CURATOR_EMBEDDER: "classic" },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regions: Awaited<ReturnType<typeof seedDemo>>["regions"]
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let channelId: string
    let products: Record<Kind | "anchor", { id: string; photo: Buffer }>
    let lookbook: any
    const vs = () => getContainer().resolve(VISUAL_SEARCH_MODULE) as any

    beforeAll(async () => {
      ;({ pk, regions } = await seedDemo(getContainer(), 6))
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
      const {
        result: [elsewhere],
      } = await createSalesChannelsWorkflow(c).run({
        input: { salesChannelsData: [{ name: "Wholesale" }] },
      })
      const make = async (
        kind: Kind | "anchor",
        i: number,
        opts: Partial<Parameters<typeof createTestProduct>[1]> = {}
      ) => {
        const img = photo(i)
        const p = await createTestProduct(c, {
          photo: img,
          sizes: { S: { eu: 5, us: 5 }, M: { eu: 0, us: 2 } },
          prices: { eur: 30, usd: 35 },
          ...opts,
        })
        return [kind, { id: p.id, photo: img }] as const
      }
      products = Object.fromEntries([
        await make("anchor", 200),
        await make("base", 201),
        await make("draft", 202),
        await make("otherChannel", 203, { salesChannel: elsewhere.id }),
        await make("euroOnly", 204, { prices: { eur: 25 } }),
        await make("soldOut", 205, { sizes: { L: { eu: 0, us: 0 } } }),
      ]) as any
      await updateProductsWorkflow(c).run({
        input: {
          selector: { id: products.draft.id },
          update: { status: "draft" as any },
        },
      })
      for (const p of Object.values(products))
        await waitFor(async () => (await vs().indexedImagesOf(p.id)).length > 0)
      await vs().syncIndex({ force: true })
      const { data } = await api.post(
        "/admin/lookbooks",
        {
          title: "Every case",
          status: "published",
          sales_channel_ids: [channelId],
        },
        admin
      )
      lookbook = (
        await api.post(
          `/admin/lookbooks/${data.lookbook.id}/looks`,
          {
            title: "All of them",
            image_url: "http://localhost:9000/static/look.jpg",
            hotspots: Object.values(products).map((p, i) => ({
              x: 0.1 + i * 0.1,
              y: 0.5,
              product_id: p.id,
            })),
          },
          admin
        )
      ).data.lookbook
    })

    it("keeps the catalogue's product structures warm, so a shopper's page does not read them cold", async () => {
      const c = getContainer()
      const { data } = await c.resolve("query").graph({
        entity: "product",
        fields: ["id", "variants.inventory_items.inventory_item_id"],
        filters: { id: products.base.id },
      })
      const items = (data[0] as any).variants.flatMap((v: any) =>
        v.inventory_items.map((i: any) => i.inventory_item_id)
      )
      expect(items.length).toBeGreaterThan(0)
      forgetProducts([products.base.id])
      // only a cached structure maps an inventory item to its product
      expect(productsOfInventoryItems(items)).toEqual([])
      await warmStructures(c)
      expect(productsOfInventoryItems(items)).toEqual([products.base.id])
    })

    /** The rule itself: what every caller below must agree with. */
    async function rule(k: Case) {
      const ctx = {
        region_id: regions[k.region].id,
        sales_channel_ids: [channelId],
        ...k.wishes,
      }
      return (
        await sellableProducts(getContainer(), [products[k.product].id], ctx)
      ).get(products[k.product].id)!
    }
    const params = (k: Case) =>
      ({ region_id: regions[k.region].id, limit: 50, ...k.wishes }) as Record<
        string,
        string | number
      >
    const hidden = (r: ExclusionReason | null) =>
      r === "not_published" || r === "not_in_sales_channel"

    async function visualSearch(
      image: Buffer,
      q: Record<string, string | number>
    ) {
      const form = new FormData()
      form.append(
        "image",
        new Blob([new Uint8Array(image)], { type: "image/jpeg" }),
        "photo.jpg"
      )
      const res = await fetch(
        `${api.defaults.baseURL}/store/visual-search?${new URLSearchParams(
          Object.entries(q).map(([a, b]) => [a, String(b)])
        )}`,
        { method: "POST", body: form, headers: store.headers }
      )
      expect(res.status).toBe(200)
      return res.json()
    }

    it.each(CASES)(
      "every caller gives the rule's answer for $name ($reason)",
      async (k) => {
        const offer = await rule(k)
        expect(offer.reason).toBe(k.reason)
        const sellable = offer.variants.map((v) => v.id).sort()
        const p = products[k.product]

        // visual search, by the product's own photo
        const found = await visualSearch(p.photo, params(k))
        const hit = found.results.find((r: any) => r.product.id === p.id)
        if (k.reason) {
          expect(hit).toBeUndefined()
          expect(
            found.filtered_out[FILTER_REASON[k.reason]]
          ).toBeGreaterThanOrEqual(1)
        } else {
          expect(hit.variants.map((v: any) => v.id).sort()).toEqual(sellable)
        }

        // similar products of another product
        const similar = (
          await api.get(
            `/store/products/${products.anchor.id}/similar?${new URLSearchParams(
              Object.entries(params(k)).map(([a, b]) => [a, String(b)])
            )}`,
            store
          )
        ).data
        const twin = similar.results.find((r: any) => r.product.id === p.id)
        if (k.reason) expect(twin).toBeUndefined()
        else
          expect(twin.variants.map((v: any) => v.id).sort()).toEqual(sellable)

        // size and budget are wishes of a search; the lookbook, availability and add-look know only the region
        if (k.wishes) return

        // the lookbook store API: hidden, or every variant priced and stocked as the rule read it
        const lb = (
          await api.get(
            `/store/lookbooks/${lookbook.id}?region_id=${regions[k.region].id}`,
            store
          )
        ).data.lookbook
        const card = lb.looks[0].hotspots.find(
          (h: any) => h.product.id === p.id
        )?.product
        if (hidden(k.reason)) expect(card).toBeUndefined()
        else
          expect(
            card.variants
              .filter((v: any) => v.in_stock && v.calculated_price != null)
              .map((v: any) => v.id)
              .sort()
          ).toEqual(sellable)

        // availability
        const avail = await api
          .get(
            `/store/products/${p.id}/availability?region_id=${regions[k.region].id}`,
            store
          )
          .catch((e: any) => e.response)
        if (hidden(k.reason)) expect(avail.status).toBe(404)
        else {
          expect(avail.status).toBe(200)
          for (const id of sellable)
            expect(
              avail.data.variants.find((v: any) => v.id === id).in_stock
            ).toBe(true)
          for (const e of offer.excluded.filter(
            (x) => x.reason === "out_of_stock"
          ))
            expect(
              avail.data.variants.find((v: any) => v.id === e.variant_id)
                .in_stock
            ).toBe(false)
        }

        // add the look's pick to a cart of the region: accepted exactly when the rule sells the variant, else refused with its reason
        const {
          data: { product },
        } = await api.get(`/admin/products/${p.id}?fields=variants.id`, admin)
        for (const variant of product.variants) {
          const cartId = (
            await api.post(
              "/store/carts",
              { region_id: regions[k.region].id },
              store
            )
          ).data.cart.id
          const r = await api
            .post(
              `/store/lookbooks/${lookbook.id}/looks/${lookbook.looks[0].id}/add-to-cart`,
              {
                cart_id: cartId,
                items: [{ product_id: p.id, variant_id: variant.id }],
              },
              store
            )
            .catch((e: any) => e.response)
          const expected = offer.variants.some((v) => v.id === variant.id)
            ? null
            : offer.excluded.find(
                (e) => e.variant_id === variant.id || e.variant_id === null
              )!.reason
          if (expected) {
            expect(r.status).toBe(409)
            expect(r.data.items[0]).toMatchObject({
              ok: false,
              reason: expected,
            })
            expect(
              (await api.get(`/store/carts/${cartId}`, store)).data.cart.items
            ).toEqual([])
          } else {
            expect(r.status).toBe(200)
            expect(r.data.items[0]).toMatchObject({ ok: true })
          }
        }
      }
    )
  },
})

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error("timed out")
}
