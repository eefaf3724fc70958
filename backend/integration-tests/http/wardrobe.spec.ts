import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import sharp from "sharp"
import { VISUAL_SEARCH_MODULE } from "../../src/modules/visual-search"
import { WARDROBE_MODULE } from "../../src/modules/wardrobe"
import {
  pendingProductIds,
  startReindex,
} from "../../src/lib/visual-search/reindex"
import { forgetCatalogueTags } from "../../src/lib/wardrobe/catalogue-tags"
import {
  mulberry32,
  shopperPhoto as restage,
} from "../../test-fixtures/shopper-photo"
import orderPlacedAddToWardrobe from "../../src/subscribers/order-placed-add-to-wardrobe"
import { seedDemo } from "../helpers/store"
import seed from "../../src/scripts/seed"
import { DEMO_SHOPPER } from "../../src/scripts/seed/wardrobe"
import { placeOrder, registerShopper } from "../helpers/shopper"

process.env.CURATOR_EMBEDDER = "classic"
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "wardrobe-private-"))
process.env.CURATOR_PRIVATE_UPLOAD_DIR = privateDir
process.env.CURATOR_RATE_LIMIT_SEARCH = "0"
process.env.CURATOR_RATE_LIMIT_WRITES = "0"
jest.setTimeout(300 * 1000)

const COUNT = 40
const demoDir = path.resolve(__dirname, "../../data/demo-catalog/images")
const demoFiles = fs
  .readdirSync(demoDir)
  .filter((f) => f.endsWith(".jpg"))
  .sort((a, b) => Number(a.split(".")[0]) - Number(b.split(".")[0]))
const photo = (i: number) => fs.readFileSync(path.join(demoDir, demoFiles[i]))
const privateFiles = () => fs.readdirSync(privateDir)
const W = "/store/customers/me/wardrobe"

/** A shopper's photo: the catalogue photo restaged (new background, crop, light), with EXIF and GPS as phones write them. */
async function shopperPhoto(i: number) {
  const img = await restage(photo(i), mulberry32(100 + i))
  return sharp(img)
    .jpeg()
    .withExif({
      IFD0: { Artist: "shopper" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 22/1 0/1" },
    })
    .toBuffer()
}

medusaIntegrationTestRunner({
  env: { CURATOR_EMBEDDER: "classic" },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regions: Awaited<ReturnType<typeof seedDemo>>["regions"]
    let alice: Awaited<ReturnType<typeof registerShopper>>
    let bob: Awaited<ReturnType<typeof registerShopper>>
    let products: any[]
    const wardrobe = () => getContainer().resolve(WARDROBE_MODULE) as any
    const as = (s: { headers: Record<string, string> }) => ({
      headers: s.headers,
      validateStatus: () => true,
    })

    async function upload(
      shopper: { headers: Record<string, string> },
      image: Buffer,
      fields: Record<string, string> = {},
      filename = "me.jpg",
      type = "image/jpeg"
    ) {
      const form = new FormData()
      form.append(
        "image",
        new Blob([new Uint8Array(image)], { type }),
        filename
      )
      for (const [k, v] of Object.entries(fields)) form.append(k, v)
      const res = await fetch(`${api.defaults.baseURL}${W}/items`, {
        method: "POST",
        body: form,
        headers: shopper.headers,
      })
      return { status: res.status, data: await res.json() }
    }
    async function getBytes(
      shopper: { headers: Record<string, string> },
      url: string
    ) {
      const res = await fetch(url, { headers: shopper.headers })
      return {
        status: res.status,
        type: res.headers.get("content-type"),
        body: Buffer.from(await res.arrayBuffer()),
      }
    }

    beforeAll(async () => {
      ;({ pk, regions } = await seedDemo(getContainer(), COUNT))
      forgetCatalogueTags()
      const vs = getContainer().resolve(VISUAL_SEARCH_MODULE) as any
      for (let i = 0; i < 120; i++) {
        await startReindex(getContainer()).done
        while (vs.progress.running) await new Promise((r) => setTimeout(r, 200))
        if (!(await pendingProductIds(getContainer())).ids.length) break
      }
      await vs.syncIndex({ force: true })
      alice = await registerShopper(api, pk, "alice@test.local")
      bob = await registerShopper(api, pk, "bob@test.local")
      products = (
        await api.get(
          `/store/products?limit=${COUNT}&fields=id,title,+metadata,*variants`,
          { headers: { "x-publishable-api-key": pk } }
        )
      ).data.products
    })

    describe("adding an item by photo", () => {
      it("tags the photo in the catalogue's names, with confidences, and offers 3 purchasable similar products", async () => {
        const i = demoFiles.findIndex((f) =>
          products.some(
            (p) =>
              `${p.metadata.source_id}.jpg` === f &&
              p.metadata.article_type === "Tshirts"
          )
        )
        const product = products.find(
          (p) => `${p.metadata.source_id}.jpg` === demoFiles[i]
        )
        // the product's own photo: its nearest neighbours are itself and its kind
        const { status, data } = await upload(alice, photo(i), {
          region_id: regions.eur.id,
        })
        expect(status).toBe(200)
        const item = data.wardrobe_item
        expect(item).toMatchObject({
          id: expect.stringMatching(/^witem_/),
          source: "upload",
          archived: false,
          image_url: expect.stringContaining(
            `/wardrobe/items/${item.id}/image`
          ),
        })
        expect(item.article_type).toBe(product.metadata.article_type)
        expect(item.family).toBe("top")
        expect(item.suggestions.article_type[0]).toEqual({
          value: item.article_type,
          confidence: expect.any(Number),
        })
        expect(item.suggestions.article_type[0].confidence).toBeGreaterThan(0)
        expect(item.suggestions.article_type[0].confidence).toBeLessThanOrEqual(
          1
        )
        expect(item.suggestions.colour[0]).toEqual({
          value: item.colour,
          confidence: expect.any(Number),
        })
        const names = new Set(products.map((p) => p.metadata.base_colour))
        for (const c of item.suggestions.colour)
          expect(names.has(c.value)).toBe(true)
        expect(item.similar_products.length).toBeGreaterThan(0)
        expect(item.similar_products.length).toBeLessThanOrEqual(3)
        for (const s of item.similar_products) {
          expect(s.product).toMatchObject({
            id: expect.any(String),
            title: expect.any(String),
          })
          expect(
            s.variants.some((v: any) => v.in_stock && v.currency_code === "eur")
          ).toBe(true)
        }
      })

      it("keeps the fields the shopper sends over the suggestions", async () => {
        const { status, data } = await upload(alice, await shopperPhoto(1), {
          article_type: "Jeans",
          colour: "Black",
          brand: "Levi's",
          price_paid: "30",
          currency_code: "EUR",
          size: "32",
        })
        expect(status).toBe(200)
        expect(data.wardrobe_item).toMatchObject({
          article_type: "Jeans",
          colour: "Black",
          family: "bottom",
          brand: "Levi's",
          price_paid: 30,
          currency_code: "eur",
          size: "32",
        })
      })

      it("serves the photo re-encoded without EXIF/GPS, and its cut-out, to the owner only", async () => {
        const { data } = await upload(alice, await shopperPhoto(2))
        const item = data.wardrobe_item
        const original = await getBytes(alice, item.image_url)
        expect(original.status).toBe(200)
        expect(original.type).toBe("image/jpeg")
        const meta = await sharp(original.body).metadata()
        expect(meta.exif).toBeUndefined()
        const cut = await getBytes(alice, item.cutout_url)
        expect(cut.status).toBe(200)
        // the cut-out is cropped to the garment: smaller than the photo with its wide background
        const cm = await sharp(cut.body).metadata()
        expect(cm.width! * cm.height!).toBeLessThan(meta.width! * meta.height!)
        // the stored file is not under the public /static folder
        expect(
          fs.existsSync(path.resolve(__dirname, "../../static"))
            ? fs
                .readdirSync(path.resolve(__dirname, "../../static"))
                .filter((f) => f.includes("wardrobe"))
            : []
        ).toEqual([])
        expect((await getBytes(bob, item.image_url)).status).toBe(404)
        expect((await getBytes(bob, item.cutout_url)).status).toBe(404)
        expect(
          (
            await getBytes(
              { headers: { "x-publishable-api-key": pk } },
              item.image_url
            )
          ).status
        ).toBe(401)
      })

      it("refuses bad uploads with a clear 4xx and stores nothing", async () => {
        const before = {
          rows: (await wardrobe().listWardrobeItems({}, { withDeleted: true }))
            .length,
          files: privateFiles().length,
        }
        const big = Buffer.concat([
          await shopperPhoto(0),
          Buffer.alloc(11 * 1024 * 1024),
        ])
        expect((await upload(alice, big)).status).toBe(413)
        const text = await upload(
          alice,
          Buffer.from("this is not a photo at all"),
          {},
          "x.jpg"
        )
        expect(text.status).toBe(415)
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
        const b = await upload(alice, bomb, {}, "bomb.png", "image/png")
        expect(b.status).toBe(413)
        expect(b.data.message).toMatch(/megapixels/)
        const noFile = await api.post(
          `${W}/items`,
          { article_type: "Jeans" },
          as(alice)
        )
        expect(noFile.status).toBe(400)
        expect(noFile.data.message).toMatch(/image/)
        const negative = await upload(alice, await shopperPhoto(0), {
          price_paid: "-5",
        })
        expect(negative.status).toBe(400)
        expect(negative.data.message).toMatch(/price_paid/)
        const region = await upload(alice, await shopperPhoto(0), {
          region_id: "reg_nope",
        })
        expect(region.status).toBe(404)
        expect(region.data.message).toContain("reg_nope")
        expect(
          (await wardrobe().listWardrobeItems({}, { withDeleted: true })).length
        ).toBe(before.rows)
        expect(privateFiles().length).toBe(before.files)
      })
    })

    describe("items", () => {
      it("lists the shopper's own items, filtered and paged; negative paging is a 400", async () => {
        await upload(alice, await shopperPhoto(1), {
          article_type: "Jeans",
          colour: "Black",
        })
        await upload(alice, await shopperPhoto(2), {
          article_type: "Tshirts",
          colour: "White",
        })
        await upload(alice, await shopperPhoto(4), {
          article_type: "Shirts",
          colour: "Blue",
        })
        await upload(bob, await shopperPhoto(3), { article_type: "Watches" })
        const all = await api.get(`${W}/items`, as(alice))
        expect(all.status).toBe(200)
        expect(all.data.count).toBeGreaterThanOrEqual(3)
        expect(
          all.data.wardrobe_items.every(
            (i: any) => i.article_type !== "Watches"
          )
        ).toBe(true)
        const bottoms = await api.get(`${W}/items?family=bottom`, as(alice))
        expect(
          bottoms.data.wardrobe_items.map((i: any) => i.article_type)
        ).toEqual(["Jeans"])
        const black = await api.get(
          `${W}/items?colour=Black&article_type=Jeans`,
          as(alice)
        )
        expect(black.data.count).toBe(1)
        const page = await api.get(`${W}/items?limit=1&offset=1`, as(alice))
        expect(page.data.wardrobe_items).toHaveLength(1)
        expect(page.data.wardrobe_items[0].id).toBe(
          all.data.wardrobe_items[1].id
        )
        expect((await api.get(`${W}/items?offset=-1`, as(alice))).status).toBe(
          400
        )
        expect((await api.get(`${W}/items?limit=-3`, as(alice))).status).toBe(
          400
        )
        expect((await api.get(`${W}/items?family=hat`, as(alice))).status).toBe(
          400
        )
      })

      it("reads, corrects and deletes an item; another shopper gets 404 for each", async () => {
        const { data } = await upload(alice, await shopperPhoto(4))
        const id = data.wardrobe_item.id
        for (const r of [
          await api.get(`${W}/items/${id}`, as(bob)),
          await api.post(`${W}/items/${id}`, { colour: "Red" }, as(bob)),
          await api.post(
            `${W}/items/${id}/wear`,
            { date: "2026-11-01" },
            as(bob)
          ),
          await api.delete(`${W}/items/${id}`, as(bob)),
        ]) {
          expect(r.status).toBe(404)
          expect(r.data.message).toContain(id)
        }
        const fixed = await api.post(
          `${W}/items/${id}`,
          { article_type: "Dresses", colour: "Red", archived: true },
          as(alice)
        )
        expect(fixed.data.wardrobe_item).toMatchObject({
          article_type: "Dresses",
          family: "dress",
          colour: "Red",
          archived: true,
        })
        expect(
          (await api.post(`${W}/items/${id}`, { wat: 1 }, as(alice))).status
        ).toBe(400)
        expect((await api.post(`${W}/items/${id}`, {}, as(alice))).status).toBe(
          400
        )
        const files = privateFiles().length
        expect((await api.delete(`${W}/items/${id}`, as(alice))).data).toEqual({
          id,
          object: "wardrobe_item",
          deleted: true,
        })
        expect((await api.get(`${W}/items/${id}`, as(alice))).status).toBe(404)
        expect(privateFiles().length).toBe(files - 2)
        expect((await api.get(`${W}/items/witem_nope`, as(alice))).status).toBe(
          404
        )
      })
    })

    describe("outfits and wears", () => {
      // the database is restored before every test: each test adds the items it needs
      let top: any, jeans: any
      beforeEach(async () => {
        top = (
          await upload(alice, await shopperPhoto(5), {
            article_type: "Tshirts",
            price_paid: "30",
            currency_code: "eur",
          })
        ).data.wardrobe_item
        jeans = (
          await upload(alice, await shopperPhoto(6), {
            article_type: "Jeans",
            price_paid: "80",
            currency_code: "eur",
          })
        ).data.wardrobe_item
      })

      it("builds an outfit of own items and a catalogue product, in order, with a collage only its owner sees", async () => {
        const res = await api.post(
          `${W}/outfits`,
          {
            name: "Monday",
            items: [
              { wardrobe_item_id: jeans.id },
              { wardrobe_item_id: top.id },
              { product_id: products[0].id },
            ],
          },
          as(alice)
        )
        expect(res.status).toBe(200)
        const outfit = res.data.outfit
        expect(outfit.items).toEqual([
          { rank: 0, wardrobe_item_id: jeans.id, product_id: null },
          { rank: 1, wardrobe_item_id: top.id, product_id: null },
          { rank: 2, wardrobe_item_id: null, product_id: products[0].id },
        ])
        const collage = await getBytes(alice, outfit.collage_url)
        expect(collage.status).toBe(200)
        const meta = await sharp(collage.body).metadata()
        expect(meta.width).toBeGreaterThan(600) // two columns of tiles
        expect((await getBytes(bob, outfit.collage_url)).status).toBe(404)
        for (const r of [
          await api.get(`${W}/outfits/${outfit.id}`, as(bob)),
          await api.post(
            `${W}/outfits/${outfit.id}`,
            { name: "mine" },
            as(bob)
          ),
          await api.post(
            `${W}/outfits/${outfit.id}/wear`,
            { date: "2026-11-01" },
            as(bob)
          ),
          await api.delete(`${W}/outfits/${outfit.id}`, as(bob)),
        ])
          expect(r.status).toBe(404)
        expect((await api.get(`${W}/outfits`, as(bob))).data.count).toBe(0)
        expect(
          (await api.get(`${W}/outfits`, as(alice))).data.outfits.map(
            (o: any) => o.id
          )
        ).toContain(outfit.id)
      })

      it("refuses an outfit with another shopper's item or an unknown product, naming it, and stores nothing", async () => {
        const bobs = (await upload(bob, await shopperPhoto(3))).data
          .wardrobe_item
        const files = privateFiles().length
        const r = await api.post(
          `${W}/outfits`,
          {
            name: "x",
            items: [
              { wardrobe_item_id: top.id },
              { wardrobe_item_id: bobs.id },
            ],
          },
          as(alice)
        )
        expect(r.status).toBe(404)
        expect(r.data.message).toContain(bobs.id)
        const p = await api.post(
          `${W}/outfits`,
          { name: "x", items: [{ product_id: "prod_nope" }] },
          as(alice)
        )
        expect(p.status).toBe(404)
        expect(p.data.message).toContain("prod_nope")
        expect(
          (await api.post(`${W}/outfits`, { name: "x", items: [] }, as(alice)))
            .status
        ).toBe(400)
        expect(
          (
            await api.post(
              `${W}/outfits`,
              {
                name: "x",
                items: [{ wardrobe_item_id: top.id, product_id: "p" }],
              },
              as(alice)
            )
          ).status
        ).toBe(400)
        expect(privateFiles().length).toBe(files)
        expect((await wardrobe().listOutfits({ name: "x" })).length).toBe(0)
      })

      it("re-orders an outfit with a new collage and deletes the old one", async () => {
        const { data } = await api.post(
          `${W}/outfits`,
          {
            name: "Tuesday",
            items: [
              { wardrobe_item_id: top.id },
              { wardrobe_item_id: jeans.id },
            ],
          },
          as(alice)
        )
        const files = privateFiles().length
        const before = (await wardrobe().listOutfits({ id: data.outfit.id }))[0]
          .collage_file_id
        const r = await api.post(
          `${W}/outfits/${data.outfit.id}`,
          {
            items: [
              { wardrobe_item_id: jeans.id },
              { wardrobe_item_id: top.id },
            ],
          },
          as(alice)
        )
        expect(r.data.outfit.items.map((i: any) => i.wardrobe_item_id)).toEqual(
          [jeans.id, top.id]
        )
        const after = (await wardrobe().listOutfits({ id: data.outfit.id }))[0]
          .collage_file_id
        expect(after).not.toBe(before)
        expect(privateFiles()).not.toContain(before)
        expect(privateFiles().length).toBe(files)
        expect(
          (await api.delete(`${W}/outfits/${data.outfit.id}`, as(alice))).data
            .deleted
        ).toBe(true)
        expect(privateFiles().length).toBe(files - 1)
      })

      it("counts one wear per item per day and computes cost per wear in the stats", async () => {
        const {
          data: { outfit },
        } = await api.post(
          `${W}/outfits`,
          {
            name: "Weekend",
            items: [
              { wardrobe_item_id: top.id },
              { wardrobe_item_id: jeans.id },
            ],
          },
          as(alice)
        )
        const first = await api.post(
          `${W}/items/${top.id}/wear`,
          { date: "2026-11-01" },
          as(alice)
        )
        expect(first.data).toMatchObject({ logged: true, wear_count: 1 })
        const again = await api.post(
          `${W}/items/${top.id}/wear`,
          { date: "2026-11-01" },
          as(alice)
        )
        expect(again.data).toMatchObject({ logged: false, wear_count: 1 })
        const viaOutfit = await api.post(
          `${W}/outfits/${outfit.id}/wear`,
          { date: "2026-11-01" },
          as(alice)
        )
        expect(viaOutfit.data.already_logged).toBe(1)
        expect(
          viaOutfit.data.wears.map((w: any) => w.wardrobe_item_id)
        ).toEqual([jeans.id])
        await api.post(
          `${W}/outfits/${outfit.id}/wear`,
          { date: "2026-11-02" },
          as(alice)
        )
        await api.post(
          `${W}/items/${top.id}/wear`,
          { date: "2026-11-03" },
          as(alice)
        )
        expect(
          (
            await api.post(
              `${W}/items/${top.id}/wear`,
              { date: "03/11/2026" },
              as(alice)
            )
          ).status
        ).toBe(400)
        expect(
          (
            await api.post(
              `${W}/items/${top.id}/wear`,
              { date: "2026-02-31" },
              as(alice)
            )
          ).status
        ).toBe(400)
        const item = (await api.get(`${W}/items/${top.id}`, as(alice))).data
          .wardrobe_item
        expect(item).toMatchObject({ wear_count: 3, cost_per_wear: 10 })
        expect(item.wears.map((w: any) => w.worn_on)).toEqual([
          "2026-11-03",
          "2026-11-02",
          "2026-11-01",
        ])
        const {
          data: { stats },
        } = await api.get(`${W}/stats`, as(alice))
        const cpw = Object.fromEntries(
          stats.cost_per_wear.map((v: any) => [v.item_id, v])
        )
        expect(cpw[top.id]).toMatchObject({
          wears: 3,
          cost_per_wear: 10,
          price_paid: 30,
        })
        expect(cpw[jeans.id]).toMatchObject({ wears: 2, cost_per_wear: 40 })
        expect(stats.best_value[0].item_id).toBe(top.id)
        expect(stats.worst_value[0].item_id).toBe(jeans.id)
        expect(stats.most_worn[0].item_id).toBe(top.id)
        expect(
          stats.by_family.find((f: any) => f.family === "bottom").value.eur
        ).toBeGreaterThanOrEqual(80)
        expect(stats.never_worn.map((v: any) => v.item_id)).not.toContain(
          top.id
        )
        const wears = (
          await api.get(`${W}/wears?from=2026-11-02&to=2026-11-02`, as(alice))
        ).data.wears
        expect(wears.map((w: any) => w.wardrobe_item_id).sort()).toEqual(
          [top.id, jeans.id].sort()
        )
        expect((await api.get(`${W}/stats`, as(bob))).data.stats.wears).toBe(0)
      })
    })

    describe("orders", () => {
      it("puts each line of a placed order in the wardrobe once, and archives it when the order is canceled", async () => {
        const carol = await registerShopper(api, pk, "carol@test.local")
        const product = products.find(
          (p) => p.metadata.article_type === "Tshirts"
        )
        let order: any
        for (const v of product.variants) {
          order = await placeOrder(api, carol, regions.eur.id, v.id).catch(
            () => null
          )
          if (order) break
        }
        expect(order).toBeTruthy()
        let items: any[] = []
        for (let i = 0; i < 50 && !items.length; i++) {
          items = (await api.get(`${W}/items`, as(carol))).data.wardrobe_items
          if (!items.length) await new Promise((r) => setTimeout(r, 200))
        }
        expect(items).toHaveLength(1)
        expect(items[0]).toMatchObject({
          source: "order",
          product_id: product.id,
          order_id: order.id,
          article_type: "Tshirts",
          family: "top",
          currency_code: "eur",
          order_line_item_id: order.items[0].id,
        })
        expect(items[0].price_paid).toBe(order.items[0].unit_price)
        expect(items[0].size).toBeTruthy()
        expect(items[0].image_url).toMatch(/\/static\//)
        // the event delivered again adds nothing
        await orderPlacedAddToWardrobe({
          event: { name: "order.placed", data: { id: order.id } },
          container: getContainer(),
        } as any)
        expect((await api.get(`${W}/items`, as(carol))).data.count).toBe(1)
        await cancelOrderWorkflow(getContainer()).run({
          input: { order_id: order.id },
        })
        let archived = false
        for (let i = 0; i < 50 && !archived; i++) {
          archived = (await api.get(`${W}/items/${items[0].id}`, as(carol)))
            .data.wardrobe_item.archived
          if (!archived) await new Promise((r) => setTimeout(r, 200))
        }
        expect(archived).toBe(true)
        expect(
          (await api.get(`${W}/items?archived=false`, as(carol))).data.count
        ).toBe(0)
      })
    })

    describe("demo seed", () => {
      it("gives the demo shopper a wardrobe, outfits and a month of wears, once", async () => {
        const login = await api.post("/auth/customer/emailpass", {
          email: DEMO_SHOPPER.email,
          password: DEMO_SHOPPER.password,
        })
        const demo = {
          headers: {
            authorization: `Bearer ${login.data.token}`,
            "x-publishable-api-key": pk,
          },
        }
        const items = (await api.get(`${W}/items?limit=100`, as(demo))).data
        expect(items.count).toBeGreaterThanOrEqual(15)
        const outfits = (await api.get(`${W}/outfits`, as(demo))).data
        expect(outfits.count).toBeGreaterThanOrEqual(3)
        const { stats } = (await api.get(`${W}/stats`, as(demo))).data
        expect(stats.wears).toBeGreaterThan(20)
        expect(stats.never_worn.length).toBeGreaterThanOrEqual(3)
        expect(stats.best_value[0].cost_per_wear).toBeGreaterThan(0)
        const photo = await getBytes(demo, items.wardrobe_items[0].cutout_url)
        expect(photo.type).toBe("image/jpeg")
        await seed({ container: getContainer(), args: [String(COUNT)] } as any)
        expect((await api.get(`${W}/items?limit=1`, as(demo))).data.count).toBe(
          items.count
        )
        expect((await api.get(`${W}/outfits`, as(demo))).data.count).toBe(
          outfits.count
        )
      })
    })

    describe("your data", () => {
      it("exports the wardrobe, outfits and wear log as JSON, then erases them with their photos only after confirmation", async () => {
        const top = (
          await upload(alice, await shopperPhoto(5), {
            article_type: "Tshirts",
          })
        ).data.wardrobe_item
        const jeans = (
          await upload(alice, await shopperPhoto(6), { article_type: "Jeans" })
        ).data.wardrobe_item
        const bobs = (await upload(bob, await shopperPhoto(3))).data
          .wardrobe_item
        const {
          data: { outfit },
        } = await api.post(
          `${W}/outfits`,
          {
            name: "Friday",
            items: [
              { wardrobe_item_id: top.id },
              { wardrobe_item_id: jeans.id },
            ],
          },
          as(alice)
        )
        await api.post(
          `${W}/outfits/${outfit.id}/wear`,
          { date: "2026-11-06" },
          as(alice)
        )
        await api.post(
          `${W}/items/${top.id}/wear`,
          { date: "2026-11-07" },
          as(alice)
        )

        const r = await api.get("/store/customers/me/export", as(alice))
        expect(r.status).toBe(200)
        expect(r.data.customer.email).toBe("alice@test.local")
        expect(r.data.wardrobe.items.map((i: any) => i.id).sort()).toEqual(
          [top.id, jeans.id].sort()
        )
        for (const i of r.data.wardrobe.items)
          expect(i.image_url).toContain("/store/customers/me/wardrobe/items/")
        expect(r.data.outfits).toEqual([
          expect.objectContaining({
            id: outfit.id,
            collage_url: expect.stringContaining(`/outfits/${outfit.id}/image`),
          }),
        ])
        expect(r.data.wear_log).toEqual([
          {
            wardrobe_item_id: expect.any(String),
            outfit_id: outfit.id,
            worn_on: "2026-11-06",
          },
          {
            wardrobe_item_id: expect.any(String),
            outfit_id: outfit.id,
            worn_on: "2026-11-06",
          },
          { wardrobe_item_id: top.id, outfit_id: null, worn_on: "2026-11-07" },
        ])
        expect(JSON.stringify(r.data)).not.toContain(bobs.id)

        expect((await api.delete(W, as(alice))).status).toBe(400)
        expect(
          (await api.delete(W, { ...as(alice), data: { confirm: "yes" } }))
            .status
        ).toBe(400)
        const alicesFiles = [
          ...(
            await wardrobe().listWardrobeItems({ customer_id: alice.id })
          ).flatMap((i: any) => [i.image_file_id, i.cutout_file_id]),
          ...(await wardrobe().listOutfits({ customer_id: alice.id })).map(
            (o: any) => o.collage_file_id
          ),
        ]
        expect(alicesFiles).toHaveLength(5)
        for (const f of alicesFiles) expect(privateFiles()).toContain(f)
        const erased = await api.delete(W, {
          ...as(alice),
          data: { confirm: "DELETE" },
        })
        expect(erased.status).toBe(200)
        expect(erased.data.erased).toEqual({
          items: 2,
          outfits: 1,
          wears: 3,
          files: 5,
        })
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        for (const entity of ["wardrobe_item", "outfit"]) {
          const { data } = await query.graph({
            entity,
            fields: ["id"],
            filters: { customer_id: alice.id },
            withDeleted: true,
          } as any)
          expect([entity, data.length]).toEqual([entity, 0])
        }
        expect(
          await wardrobe().listWears(
            { customer_id: alice.id },
            { withDeleted: true }
          )
        ).toHaveLength(0)
        expect(
          await wardrobe().listOutfitItems({ outfit_id: outfit.id } as any, {
            withDeleted: true,
          })
        ).toHaveLength(0)
        for (const f of alicesFiles) expect(privateFiles()).not.toContain(f)
        expect(privateFiles()).toContain(
          bobs.image_url
            ? (await wardrobe().listWardrobeItems({ id: bobs.id }))[0]
                .image_file_id
            : ""
        )
        expect((await api.get(`${W}/items`, as(bob))).data.count).toBe(1)
        expect((await api.get(`${W}/items`, as(alice))).data.count).toBe(0)
      })
    })
  },
})
