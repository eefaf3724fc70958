import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import {
  createProductCategoriesWorkflow,
  deleteProductsWorkflow,
  updateProductsWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows"
import { VISUAL_SEARCH_MODULE } from "../../src/modules/visual-search"
import {
  pendingProductIds,
  startReindex,
} from "../../src/lib/visual-search/reindex"
import { checkPurchasable } from "../../src/lib/visual-search/purchasable"
import { categoryKeys } from "../../src/lib/visual-search/category-consensus"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import { createTestProduct } from "../helpers/products"

// the weight-free embedder: CLIP weights are not available to the tests
process.env.CURATOR_EMBEDDER = "classic"
jest.setTimeout(300 * 1000)

const COUNT = 40
const demoDir = path.resolve(__dirname, "../../data/demo-catalog/images")
const demoFiles = fs
  .readdirSync(demoDir)
  .filter((f) => f.endsWith(".jpg"))
  .sort((a, b) => Number(a.split(".")[0]) - Number(b.split(".")[0]))
const photo = (i: number) => fs.readFileSync(path.join(demoDir, demoFiles[i]))
const staticDir = path.resolve(__dirname, "../../static")

medusaIntegrationTestRunner({
  env: { CURATOR_EMBEDDER: "classic" },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regions: Awaited<ReturnType<typeof seedDemo>>["regions"]
    let adminToken: string
    const store = { headers: { "x-publishable-api-key": "" } }
    const vs = () => getContainer().resolve(VISUAL_SEARCH_MODULE) as any

    async function search(
      image: Buffer,
      params: Record<string, string | number>,
      filename = "photo.jpg",
      type = "image/jpeg"
    ) {
      const form = new FormData()
      form.append(
        "image",
        new Blob([new Uint8Array(image)], { type }),
        filename
      )
      const qs = new URLSearchParams(
        Object.entries(params).map(([k, v]) => [k, String(v)])
      )
      const res = await fetch(
        `${api.defaults.baseURL}/store/visual-search?${qs}`,
        { method: "POST", body: form, headers: { "x-publishable-api-key": pk } }
      )
      return { status: res.status, data: await res.json() }
    }
    const storedState = async () => ({
      vectors: (await vs().listImageVectors({}, { withDeleted: true })).length,
      files: fs.existsSync(staticDir) ? fs.readdirSync(staticDir).length : 0,
    })

    beforeAll(async () => {
      ;({ pk, regions } = await seedDemo(getContainer(), COUNT))
      store.headers["x-publishable-api-key"] = pk
      await createAdmin(getContainer())
      adminToken = (await api.post("/auth/user/emailpass", ADMIN)).data.token
      // the every-minute catch-up job may be indexing already: wait until nothing is running or pending
      for (let i = 0; i < 120; i++) {
        await startReindex(getContainer()).done
        while (vs().progress.running)
          await new Promise((r) => setTimeout(r, 200))
        if (!(await pendingProductIds(getContainer())).ids.length) break
      }
      await vs().syncIndex({ force: true })
    })

    it("finds the product a catalogue photo shows, with the documented response shape", async () => {
      const { data: list } = await api.get(
        `/store/products?limit=${COUNT}&region_id=${regions.eur.id}&fields=id,+metadata,thumbnail`,
        store
      )
      let checked = 0
      for (const [i, file] of demoFiles.slice(0, COUNT).entries()) {
        const product = list.products.find(
          (p: any) => `${p.metadata.source_id}.jpg` === file
        )
        const avail = (
          await api.get(
            `/store/products/${product.id}/availability?region_id=${regions.eur.id}`,
            store
          )
        ).data
        if (!avail.variants.some((v: any) => v.in_stock)) continue
        const { status, data } = await search(photo(i), {
          region_id: regions.eur.id,
          limit: 5,
        })
        expect(status).toBe(200)
        expect(data.embedder).toBe("classic:v9")
        expect(typeof data.took_ms).toBe("number")
        expect(Object.keys(data.filtered_out).sort()).toEqual([
          "no_size",
          "not_in_region",
          "out_of_stock",
          "over_budget",
        ])
        expect(data.results[0].product).toMatchObject({
          id: product.id,
          handle: expect.any(String),
          title: expect.any(String),
        })
        expect(data.results[0].score).toBeGreaterThan(0.9)
        for (const v of data.results[0].variants) {
          expect(v).toMatchObject({
            id: expect.any(String),
            size: expect.any(String),
            currency_code: "eur",
            in_stock: true,
          })
          expect(typeof v.calculated_price).toBe("number")
        }
        if (++checked === 5) break
      }
      expect(checked).toBe(5)
    })

    describe("the constraint guarantee", () => {
      // each product's only photo is the query photo, so it matches best; one constraint rules it out
      it("never returns an out-of-stock product, and counts it as out_of_stock", async () => {
        const img = photo(300)
        const p = await createTestProduct(getContainer(), {
          photo: img,
          sizes: { M: { eu: 0, us: 0 } },
          prices: { eur: 30, usd: 33 },
        })
        await vs().syncIndex({ force: true })
        // 202, or 409 when the catch-up job is reindexing at that moment; the subscriber indexes it either way
        const re = await api
          .post(
            "/admin/visual-search/reindex",
            { product_ids: [p.id] },
            { headers: { authorization: `Bearer ${adminToken}` } }
          )
          .catch((e: any) => e.response)
        expect([202, 409]).toContain(re.status)
        await waitFor(async () => (await vs().indexedImagesOf(p.id)).length > 0)
        const { data } = await search(img, { region_id: regions.eur.id })
        expect(data.results.map((r: any) => r.product.id)).not.toContain(p.id)
        expect(data.filtered_out.out_of_stock).toBeGreaterThanOrEqual(1)
      })

      it("follows stock as it moves: sold out → hidden at once, restocked → shown again", async () => {
        const img = photo(304)
        const p = await createTestProduct(getContainer(), {
          photo: img,
          sizes: { M: { eu: 2, us: 0 } },
          prices: { eur: 30, usd: 33 },
        })
        await waitFor(async () => (await vs().indexedImagesOf(p.id)).length > 0)
        const ids = async () =>
          (await search(img, { region_id: regions.eur.id })).data.results.map(
            (r: any) => r.product.id
          )
        expect(await ids()).toContain(p.id) // and its offer is now on the sheet
        const inventory = getContainer().resolve(Modules.INVENTORY)
        const {
          data: [variant],
        } = await getContainer()
          .resolve("query")
          .graph({
            entity: "product_variant",
            fields: ["inventory_items.inventory_item_id"],
            filters: { product_id: p.id },
          })
        const [level] = await inventory.listInventoryLevels({
          inventory_item_id: (variant as any).inventory_items[0]
            .inventory_item_id,
          stocked_quantity: { $gt: 0 },
        })
        await inventory.updateInventoryLevels([
          {
            inventory_item_id: level.inventory_item_id,
            location_id: level.location_id,
            stocked_quantity: 0,
          },
        ])
        // the sheet still says "in stock"; the fresh check before showing does not
        const sold = await search(img, { region_id: regions.eur.id })
        expect(sold.data.results.map((r: any) => r.product.id)).not.toContain(
          p.id
        )
        expect(sold.data.filtered_out.out_of_stock).toBeGreaterThanOrEqual(1)
        // restocking is an inventory event: the sheet forgets the product instead of hiding it for its TTL
        await inventory.updateInventoryLevels([
          {
            inventory_item_id: level.inventory_item_id,
            location_id: level.location_id,
            stocked_quantity: 3,
          },
        ])
        await waitFor(async () => (await ids()).includes(p.id), 10000)
      })

      it("returns a product only in the requested size (no_size otherwise)", async () => {
        const img = photo(301)
        const p = await createTestProduct(getContainer(), {
          photo: img,
          sizes: { M: { eu: 5, us: 5 } },
          prices: { eur: 30, usd: 33 },
        })
        await waitFor(async () => (await vs().indexedImagesOf(p.id)).length > 0)
        const wrong = await search(img, {
          region_id: regions.eur.id,
          size: "XS",
        })
        expect(wrong.data.results.map((r: any) => r.product.id)).not.toContain(
          p.id
        )
        expect(wrong.data.filtered_out.no_size).toBeGreaterThanOrEqual(1)
        const right = await search(img, {
          region_id: regions.eur.id,
          size: "m",
        })
        expect(right.data.results[0].product.id).toBe(p.id)
        expect(right.data.results[0].variants.map((v: any) => v.size)).toEqual([
          "M",
        ])
      })

      it("judges a size search on that size's variants alone, with the reasons a whole read gives", async () => {
        // a search for one size reads only that size's prices and stock (purchasable.ts)
        const img = photo(310)
        const p = await createTestProduct(getContainer(), {
          photo: img,
          sizes: {
            S: { eu: 2, us: 2 },
            M: { eu: 0, us: 2 },
            L: { eu: 2, us: 2 },
          },
          prices: {},
          sizePrices: {
            S: { eur: 20, usd: 22 },
            M: { eur: 25, usd: 27 },
            L: { usd: 30 },
          },
        })
        await waitFor(async () => (await vs().indexedImagesOf(p.id)).length > 0)
        const of = async (params: Record<string, any>) => {
          const { data } = await search(img, {
            region_id: regions.eur.id,
            ...params,
          })
          return {
            hit: data.results.find((r: any) => r.product.id === p.id),
            filtered: data.filtered_out,
          }
        }
        const s = await of({ size: "S" })
        expect(
          s.hit.variants.map((v: any) => [v.size, v.calculated_price])
        ).toEqual([["S", 20]])
        expect((await of({ size: "M" })).hit).toBeUndefined()
        expect((await of({ size: "L" })).hit).toBeUndefined()
        expect(
          (await of({})).hit.variants.map((v: any) => v.size).sort()
        ).toEqual(["S"])
        // the reason this product is filtered out, as the search counts it
        const reason = async (size?: string) =>
          (
            await checkPurchasable(
              getContainer(),
              [p.id],
              { region_id: regions.eur.id, size },
              []
            )
          ).get(p.id)
        // M is priced in euros but not stocked in the EU warehouse: out of stock, although S is in stock
        expect(await reason("M")).toBe("out_of_stock")
        // L has no euro price while S and M have: the product is sold in the region, just not in that size
        expect(await reason("L")).toBe("no_size")
        expect(await reason("XL")).toBe("no_size")
        expect(typeof (await reason("S"))).toBe("object")
      })

      it("respects the budget in the region's currency (over_budget otherwise)", async () => {
        const img = photo(302)
        const p = await createTestProduct(getContainer(), {
          photo: img,
          sizes: { L: { eu: 3, us: 3 } },
          prices: { eur: 80, usd: 95 },
        })
        await waitFor(async () => (await vs().indexedImagesOf(p.id)).length > 0)
        const cheap = await search(img, {
          region_id: regions.eur.id,
          max_price: 79.99,
        })
        expect(cheap.data.results.map((r: any) => r.product.id)).not.toContain(
          p.id
        )
        expect(cheap.data.filtered_out.over_budget).toBeGreaterThanOrEqual(1)
        const ok = await search(img, {
          region_id: regions.usd.id,
          min_price: 90,
          max_price: 95,
        })
        expect(ok.data.results[0].product.id).toBe(p.id)
        expect(ok.data.results[0].variants[0]).toMatchObject({
          calculated_price: 95,
          currency_code: "usd",
        })
        for (const r of ok.data.results)
          for (const v of r.variants)
            expect(v.calculated_price).toBeGreaterThanOrEqual(90)
      })

      it("excludes what is only stocked in another region's warehouse, or not priced there", async () => {
        const img = photo(303)
        const p = await createTestProduct(getContainer(), {
          photo: img,
          sizes: { S: { eu: 4, us: 0 } },
          prices: { eur: 30, usd: 33 },
        })
        const img2 = photo(304)
        const q = await createTestProduct(getContainer(), {
          photo: img2,
          sizes: { S: { eu: 4, us: 4 } },
          prices: { eur: 30 },
        })
        await waitFor(
          async () =>
            (await vs().indexedImagesOf(p.id)).length > 0 &&
            (await vs().indexedImagesOf(q.id)).length > 0
        )
        const us = await search(img, { region_id: regions.usd.id })
        expect(us.data.results.map((r: any) => r.product.id)).not.toContain(
          p.id
        )
        expect(us.data.filtered_out.out_of_stock).toBeGreaterThanOrEqual(1)
        expect(
          (await search(img, { region_id: regions.eur.id })).data.results[0]
            .product.id
        ).toBe(p.id)
        const us2 = await search(img2, { region_id: regions.usd.id })
        expect(us2.data.results.map((r: any) => r.product.id)).not.toContain(
          q.id
        )
        expect(us2.data.filtered_out.not_in_region).toBeGreaterThanOrEqual(1)
      })

      it("only ever returns variants that satisfy every constraint", async () => {
        for (const [i, params] of [
          [5, { size: "M", max_price: 40 }],
          [12, { size: "42" }],
          [20, { min_price: 30 }],
        ] as const) {
          for (const region of [regions.eur, regions.usd]) {
            const { data } = await search(photo(i), {
              region_id: region.id,
              limit: 20,
              ...params,
            })
            for (const r of data.results) {
              expect(r.variants.length).toBeGreaterThan(0)
              const avail = (
                await api.get(
                  `/store/products/${r.product.id}/availability?region_id=${region.id}`,
                  store
                )
              ).data.variants
              for (const v of r.variants) {
                expect(v.currency_code).toBe(region.currency_code)
                expect(avail.find((a: any) => a.id === v.id).in_stock).toBe(
                  true
                )
                if ("size" in params)
                  expect(v.size.toLowerCase()).toBe(
                    String(params.size).toLowerCase()
                  )
                if ("max_price" in params)
                  expect(v.calculated_price).toBeLessThanOrEqual(
                    params.max_price
                  )
                if ("min_price" in params)
                  expect(v.calculated_price).toBeGreaterThanOrEqual(
                    params.min_price
                  )
              }
            }
          }
        }
      })
    })

    it("collapses planted near-duplicates (resized, recompressed, cropped, mirrored, re-coloured, watermarked) into one result", async () => {
      const original = photo(305)
      const base = await createTestProduct(getContainer(), {
        photo: original,
        sizes: { M: { eu: 9, us: 9 } },
        prices: { eur: 40, usd: 44 },
      })
      const watermark = Buffer.from(
        `<svg width="224" height="224"><text x="20" y="200" font-size="22" fill="rgba(0,0,0,0.35)">© shop</text></svg>`
      )
      const copies = [
        await sharp(original).resize(180).jpeg({ quality: 55 }).toBuffer(),
        await sharp(original).flop().jpeg({ quality: 85 }).toBuffer(),
        await sharp(original)
          .composite([{ input: watermark }])
          .jpeg()
          .toBuffer(),
        await sharp(original)
          .extract({ left: 9, top: 9, width: 206, height: 206 })
          .resize(224, 224)
          .jpeg()
          .toBuffer(),
        await sharp(original)
          .modulate({ hue: 6, saturation: 1.08, brightness: 1.03 })
          .jpeg()
          .toBuffer(),
      ]
      const planted: { id: string }[] = []
      for (const c of copies)
        planted.push(
          await createTestProduct(getContainer(), {
            photo: c,
            sizes: { M: { eu: 9, us: 9 } },
            prices: { eur: 39, usd: 43 },
          })
        )
      const ids = [base.id, ...planted.map((p) => p.id)]
      await waitFor(async () =>
        (await Promise.all(ids.map((id) => vs().indexedImagesOf(id)))).every(
          (a: any[]) => a.length > 0
        )
      )
      const { data } = await search(original, {
        region_id: regions.eur.id,
        limit: 12,
      })
      const returned = data.results
        .map((r: any) => r.product.id)
        .filter((id: string) => ids.includes(id))
      expect(returned).toHaveLength(1)
      expect(data.duplicates_removed).toBeGreaterThanOrEqual(5)
      // "similar to this product" does not offer the same item again under another listing
      const similar = (
        await api.get(
          `/store/products/${base.id}/similar?region_id=${regions.eur.id}&limit=12`,
          store
        )
      ).data
      expect(
        similar.results
          .map((r: any) => r.product.id)
          .filter((id: string) => ids.includes(id))
      ).toEqual([])
    })

    describe("bad input gets a clear 4xx and stores nothing", () => {
      let before: Awaited<ReturnType<typeof storedState>>
      beforeEach(async () => {
        before = await storedState()
      })
      afterEach(async () => {
        expect(await storedState()).toEqual(before)
      })

      it("rejects a 12 MB upload with 413", async () => {
        const r = await search(
          Buffer.concat([photo(0), Buffer.alloc(12 * 1024 * 1024)]),
          { region_id: regions.eur.id }
        )
        expect(r.status).toBe(413)
        expect(r.data.message).toMatch(/10 MB/)
      })
      it("rejects a text file sent as image/jpeg with 415", async () => {
        const r = await search(
          Buffer.from("definitely not a photo"),
          { region_id: regions.eur.id },
          "x.jpg",
          "image/jpeg"
        )
        expect(r.status).toBe(415)
        expect(r.data.message).toMatch(/not a JPEG, PNG or WebP/)
      })
      it("rejects a truncated JPEG with 400", async () => {
        const r = await search(photo(1).subarray(0, 900), {
          region_id: regions.eur.id,
        })
        expect(r.status).toBe(400)
        expect(r.data.message).toMatch(/corrupt|could not be read/)
      })
      it("rejects a decompression bomb with 413", async () => {
        const bomb = await sharp({
          create: {
            width: 10000,
            height: 10000,
            channels: 3,
            background: "#fff",
          },
        })
          .png({ compressionLevel: 9 })
          .toBuffer()
        const r = await search(
          bomb,
          { region_id: regions.eur.id },
          "bomb.png",
          "image/png"
        )
        expect(r.status).toBe(413)
        expect(r.data.message).toMatch(/megapixels/)
      })
      it("accepts a PNG and a WebP regardless of the declared MIME type", async () => {
        expect(
          (
            await search(
              await sharp(photo(2)).png().toBuffer(),
              { region_id: regions.eur.id },
              "a.bin",
              "application/octet-stream"
            )
          ).status
        ).toBe(200)
        expect(
          (
            await search(
              await sharp(photo(2)).webp().toBuffer(),
              { region_id: regions.eur.id },
              "a.jpg",
              "image/jpeg"
            )
          ).status
        ).toBe(200)
      })
      it("asks for region_id, and 404s an unknown region", async () => {
        const none = await search(photo(2), {})
        expect(none.status).toBe(400)
        expect(none.data.message).toMatch(/region_id/)
        const unknown = await search(photo(2), { region_id: "reg_missing" })
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toMatch(/reg_missing/)
      })
      it("rejects malformed parameters and bodies", async () => {
        expect(
          (await search(photo(2), { region_id: regions.eur.id, limit: 500 }))
            .status
        ).toBe(400)
        expect(
          (
            await search(photo(2), {
              region_id: regions.eur.id,
              min_price: 50,
              max_price: 10,
            })
          ).status
        ).toBe(400)
        expect(
          (
            await search(photo(2), {
              region_id: regions.eur.id,
              max_price: "cheap",
            })
          ).status
        ).toBe(400)
        const both = await api
          .post(
            `/store/visual-search?region_id=${regions.eur.id}`,
            { product_id: "x", text: "y" },
            store
          )
          .catch((e: any) => e.response)
        expect(both.status).toBe(400)
        const empty = await api
          .post(`/store/visual-search?region_id=${regions.eur.id}`, {}, store)
          .catch((e: any) => e.response)
        expect(empty.status).toBe(400)
        expect(empty.data.message).toMatch(/image|product_id|text/)
      })
      it("explains that text search needs CLIP", async () => {
        const r = await api
          .post(
            `/store/visual-search?region_id=${regions.eur.id}`,
            { text: "red dress" },
            store
          )
          .catch((e: any) => e.response)
        expect(r.status).toBe(400)
        expect(r.data.message).toMatch(/needs the CLIP embedder.*classic:v9/)
      })
      it("404s an unknown product id", async () => {
        const r = await api
          .post(
            `/store/visual-search?region_id=${regions.eur.id}`,
            { product_id: "prod_missing" },
            store
          )
          .catch((e: any) => e.response)
        expect(r.status).toBe(404)
        expect(r.data.message).toMatch(/prod_missing/)
        const s = await api
          .get(
            `/store/products/prod_missing/similar?region_id=${regions.eur.id}`,
            store
          )
          .catch((e: any) => e.response)
        expect(s.status).toBe(404)
      })
    })

    it("searches by product and lists similar products, never the product itself", async () => {
      const { data: list } = await api.get(`/store/products?limit=3`, store)
      const id = list.products[2].id
      const byProduct = await api.post(
        `/store/visual-search?region_id=${regions.eur.id}`,
        { product_id: id, limit: 6 },
        store
      )
      expect(byProduct.status).toBe(200)
      expect(
        byProduct.data.results.map((r: any) => r.product.id)
      ).not.toContain(id)
      const similar = await api.get(
        `/store/products/${id}/similar?region_id=${regions.eur.id}&limit=6`,
        store
      )
      expect(similar.status).toBe(200)
      expect(similar.data.results.length).toBeGreaterThan(0)
      expect(similar.data.results.length).toBeLessThanOrEqual(6)
      expect(similar.data.results.map((r: any) => r.product.id)).toEqual(
        byProduct.data.results.map((r: any) => r.product.id)
      )
    })

    it("lets the same kind of item filed under each gender vote as one category", async () => {
      const c = getContainer()
      const {
        result: [men, women],
      } = await createProductCategoriesWorkflow(c).run({
        input: {
          product_categories: [
            { name: "Men (vote test)", is_active: true },
            { name: "Women (vote test)", is_active: true },
          ],
        },
      })
      const { result: leaves } = await createProductCategoriesWorkflow(c).run({
        input: {
          product_categories: [
            { name: "Tshirts", parent_category_id: men.id, is_active: true },
            {
              name: " tshirts ",
              parent_category_id: women.id,
              is_active: true,
            },
            { name: "Dresses", parent_category_id: women.id, is_active: true },
          ],
        },
      })
      const products: string[] = []
      for (const [i, leaf] of leaves.entries()) {
        const p = await createTestProduct(c, {
          photo: photo(i),
          sizes: { M: { eu: 1, us: 1 } },
          prices: { eur: 1000 },
        })
        await updateProductsWorkflow(c).run({
          input: {
            selector: { id: p.id },
            update: { category_ids: [leaf.id] },
          },
        })
        products.push(p.id)
      }
      const keys = await categoryKeys(c, products)
      const [menTee, womenTee, dress] = products.map((id) => keys.get(id)!)
      expect(menTee).toHaveLength(1)
      expect(womenTee).toEqual(menTee)
      expect(dress).toHaveLength(1)
      expect(dress).not.toEqual(menTee)
    })

    it("keeps the index consistent when a product's photo changes and when it is deleted", async () => {
      const oldImg = photo(306)
      const newImg = photo(307)
      const p = await createTestProduct(getContainer(), {
        photo: oldImg,
        sizes: { M: { eu: 5, us: 5 } },
        prices: { eur: 30, usd: 33 },
      })
      await waitFor(async () => (await vs().indexedImagesOf(p.id)).length > 0)
      const before = (await search(oldImg, { region_id: regions.eur.id })).data
        .results[0]
      expect(before.product.id).toBe(p.id)

      const { result: files } = await uploadFilesWorkflow(getContainer()).run({
        input: {
          files: [
            {
              filename: "new.jpg",
              mimeType: "image/jpeg",
              content: newImg.toString("base64"),
              access: "public",
            },
          ],
        },
      })
      await updateProductsWorkflow(getContainer()).run({
        input: {
          selector: { id: p.id },
          update: { images: [{ url: files[0].url }], thumbnail: files[0].url },
        },
      })
      await waitFor(
        async () =>
          (await vs().indexedImagesOf(p.id)).every(
            (i: any) => i.image_url === files[0].url
          ) && (await vs().indexedImagesOf(p.id)).length === 1
      )
      expect(
        (await search(newImg, { region_id: regions.eur.id })).data.results[0]
          .product.id
      ).toBe(p.id)
      // the old photo's vector is gone: the product may still be the old photo's nearest (a black handbag
      // for a black clutch), but no longer as a copy of it
      const old = await search(oldImg, { region_id: regions.eur.id })
      const stale = old.data.results.find((r: any) => r.product.id === p.id)
      expect(stale?.score ?? 0).toBeLessThan(before.score - 0.05)

      await deleteProductsWorkflow(getContainer()).run({
        input: { ids: [p.id] },
      })
      await waitFor(
        async () =>
          (await vs().listImageVectors({ product_id: p.id })).length === 0
      )
      expect(
        (await search(newImg, { region_id: regions.eur.id })).data.results.map(
          (r: any) => r.product.id
        )
      ).not.toContain(p.id)
    })

    it("forgets what it cached of a product that another instance re-indexed (unpublished there)", async () => {
      const img = photo(308)
      const p = await createTestProduct(getContainer(), {
        photo: img,
        sizes: { M: { eu: 5, us: 5 } },
        prices: { eur: 30, usd: 33 },
      })
      await waitFor(async () => (await vs().indexedImagesOf(p.id)).length > 0)
      // shown once: this instance now holds the product's structure (published, its channels) in its cache
      expect(
        (await search(img, { region_id: regions.eur.id })).data.results[0]
          .product.id
      ).toBe(p.id)
      // on another instance: the product is unpublished, and that instance's subscriber re-indexes its photo.
      // Here that is two writes straight to the database; this instance sees no product event
      const db = getContainer().resolve(
        ContainerRegistrationKeys.PG_CONNECTION
      ) as any
      await db.raw(`update product set status = 'draft' where id = ?`, [p.id])
      await db.raw(
        `update visual_search_image_vector set updated_at = now() where product_id = ?`,
        [p.id]
      )
      // within about a second this instance's index sync reads the rewritten rows and forgets the product's structure
      await waitFor(
        async () =>
          !(await search(img, { region_id: regions.eur.id })).data.results.some(
            (r: any) => r.product.id === p.id
          ),
        10000
      )
      const after = await search(img, { region_id: regions.eur.id })
      expect(after.status).toBe(200)
      expect(after.data.filtered_out.not_in_region).toBeGreaterThan(0)
    })

    it("reports index status to admins only", async () => {
      const anon = await api
        .get("/admin/visual-search/status")
        .catch((e: any) => e.response)
      expect(anon.status).toBe(401)
      const res = await api.get("/admin/visual-search/status", {
        headers: { authorization: `Bearer ${adminToken}` },
      })
      expect(res.status).toBe(200)
      expect(res.data.embedder).toMatchObject({
        id: "classic:v9",
        choice: "classic",
      })
      expect(res.data.counts.indexed).toBeGreaterThanOrEqual(COUNT)
      expect(res.data.counts.pending_products).toBe(0)
      // a search starts the offer warmer, which fills the sheet of the region it came from
      await search(photo(0), { region_id: regions.eur.id })
      await waitFor(async () => {
        const { data } = await api.get("/admin/visual-search/status", {
          headers: { authorization: `Bearer ${adminToken}` },
        })
        return (
          data.offers.warmer.started &&
          data.offers.sheets.some(
            (s: any) => s.context.startsWith(regions.eur.id) && s.fresh >= COUNT
          )
        )
      })
      // and the near-copy worker, given the index by that search, decides neighbouring photos ahead of searches
      await waitFor(async () => {
        const { data } = await api.get("/admin/visual-search/status", {
          headers: { authorization: `Bearer ${adminToken}` },
        })
        return (
          data.near_copies?.idle === true &&
          data.near_copies.images >= COUNT &&
          data.near_copies.decided > 0
        )
      })
      const bad = await api
        .post(
          "/admin/visual-search/reindex",
          { product_ids: "all" },
          { headers: { authorization: `Bearer ${adminToken}` } }
        )
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
    })
  },
})

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error("condition not met within " + timeoutMs + " ms")
}
