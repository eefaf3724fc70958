import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import path from "node:path"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import { createTestProduct } from "../helpers/products"
import { SOCIAL_MODULE } from "../../src/modules/social"
import { shoppersSizes } from "../../src/lib/social/back-in-stock"
import { VISUAL_SEARCH_MODULE } from "../../src/modules/visual-search"

process.env.CURATOR_EMBEDDER = "classic"
process.env.CURATOR_RATE_LIMIT_POSTS = "0"
process.env.CURATOR_RATE_LIMIT_WRITES = "0"
process.env.CURATOR_RATE_LIMIT_SEARCH = "0"
jest.setTimeout(300 * 1000)

const demoDir = path.resolve(__dirname, "../../data/demo-catalog/images")
const photo = (i: number) =>
  fs.readFileSync(path.join(demoDir, fs.readdirSync(demoDir).sort()[i]))

type Shopper = { id: string; handle: string; headers: Record<string, string> }

/** Waits until `fn` answers something truthy (events are delivered after the request). */
async function until<T>(fn: () => Promise<T>, what: string, ms = 20000) {
  const end = Date.now() + ms
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

medusaIntegrationTestRunner({
  env: {
    CURATOR_EMBEDDER: "classic",
    CURATOR_RATE_LIMIT_POSTS: "0",
    CURATOR_RATE_LIMIT_WRITES: "0",
    // the suggestion test asks again until the index has taken the new products in
    CURATOR_RATE_LIMIT_SEARCH: "0",
  },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let product: {
      id: string
      variants: {
        id: string
        title: string
        inventory_items: { inventory_item_id: string }[]
      }[]
    }
    let locations: string[]
    let ann: Shopper, ben: Shopper, cat: Shopper
    let n = 0
    const err = (p: Promise<any>) => p.catch((e: any) => e.response)
    const social = () => getContainer().resolve(SOCIAL_MODULE) as any

    async function shopper(): Promise<Shopper> {
      const k = ++n
      const email = `mod${k}-${Date.now()}@test.local`
      const password = "secret-pass-123"
      const reg = (
        await api.post("/auth/customer/emailpass/register", { email, password })
      ).data.token
      const { data } = await api.post(
        "/store/customers",
        { email },
        {
          headers: {
            authorization: `Bearer ${reg}`,
            "x-publishable-api-key": pk,
          },
        }
      )
      const token = (
        await api.post("/auth/customer/emailpass", { email, password })
      ).data.token
      const headers = {
        authorization: `Bearer ${token}`,
        "x-publishable-api-key": pk,
      }
      const h = `mod_${k}_${Date.now() % 100000}`
      await api.post(
        "/store/customers/me/social-profile",
        { handle: h, display_name: h },
        { headers }
      )
      return { id: data.customer.id, handle: h, headers }
    }

    async function post(who: Shopper, tags: unknown[] = [], img?: Buffer) {
      const form = new FormData()
      form.append(
        "images",
        new Blob([new Uint8Array(img ?? photo(n++ % 50))], {
          type: "image/jpeg",
        }),
        "look.jpg"
      )
      form.append("caption", "Moderated look #test")
      form.append("visibility", "public")
      form.append("tags", JSON.stringify(tags))
      const res = await fetch(`${api.defaults.baseURL}/store/feed/posts`, {
        method: "POST",
        body: form,
        headers: who.headers,
      })
      return { status: res.status, data: (await res.json()) as any }
    }
    const trendingIds = async (who?: Shopper) =>
      (
        await api.get(
          `/store/feed?mode=trending&limit=50`,
          who ? { headers: who.headers } : store
        )
      ).data.posts.map((p: any) => p.id)

    async function setStock(size: string, qty: number) {
      const v = product.variants.find((x) => x.title === size)!
      for (const loc of locations)
        await api.post(
          `/admin/inventory-items/${v.inventory_items[0].inventory_item_id}/location-levels/${loc}`,
          { stocked_quantity: qty },
          admin
        )
    }
    const backInStock = async (who: Shopper) =>
      (
        await api.get(`/store/customers/me/notifications?limit=100`, {
          headers: who.headers,
        })
      ).data.notifications.filter((x: any) => x.type === "back_in_stock")

    beforeAll(async () => {
      ;({ pk } = await seedDemo(getContainer(), 4))
      await createAdmin(getContainer())
      admin = {
        headers: {
          authorization: `Bearer ${(await api.post("/auth/user/emailpass", ADMIN)).data.token}`,
        },
      }
      store = { headers: { "x-publishable-api-key": pk } }
      const made = await createTestProduct(getContainer(), {
        photo: photo(101),
        sizes: { S: { eu: 5, us: 5 }, M: { eu: 3, us: 3 } },
        prices: { eur: 30, usd: 35 },
      })
      // a T-shirt, so that a shopper's top size is "their size" for it
      await api.post(
        `/admin/products/${made.id}`,
        { metadata: { master_category: "Apparel", article_type: "Tshirts" } },
        admin
      )
      product = (
        await api.get(
          `/admin/products/${made.id}?fields=id,variants.id,variants.title,variants.inventory_items.inventory_item_id`,
          admin
        )
      ).data.product
      locations = (
        await api.get(`/admin/stock-locations?fields=id`, admin)
      ).data.stock_locations.map((l: any) => l.id)
      ann = await shopper()
      ben = await shopper()
      cat = await shopper()
    })

    it("judges a waiting shopper's stock in the region of their profile's country, else the store's first region", async () => {
      const { data } = await api.get(
        `/admin/regions?fields=id,created_at,countries.iso_2`,
        admin
      )
      const us = data.regions.find((r: any) =>
        r.countries.some((c: any) => c.iso_2 === "us")
      )
      const first = [...data.regions].sort(
        (a: any, b: any) =>
          +new Date(a.created_at) - +new Date(b.created_at) ||
          a.id.localeCompare(b.id)
      )[0]
      expect(us.id).not.toBe(first.id)
      expect(
        (
          await api.post(
            "/store/customers/me/style-profile",
            { country_code: "us", sizes: { top: "M" } },
            { headers: cat.headers }
          )
        ).status
      ).toBe(200)
      const { regionOf, sizeOf } = await shoppersSizes(getContainer(), [
        { product_id: product.id, customer_id: cat.id },
        { product_id: product.id, customer_id: ben.id },
      ])
      expect(regionOf(cat.id)).toBe(us.id)
      expect(regionOf(ben.id)).toBe(first.id)
      expect(sizeOf({ product_id: product.id, customer_id: cat.id })).toBe("M")
      expect(sizeOf({ product_id: product.id, customer_id: ben.id })).toBe(null)
    })

    it("notifies a shopper once when a product on a post they liked or saved is back in stock in their size", async () => {
      const { data } = await post(ann, [
        { image: 0, x: 0.5, y: 0.5, product_id: product.id },
      ])
      // cat wears M tops; ben gave no size (any size will do)
      expect(
        (
          await api.post(
            "/store/customers/me/style-profile",
            { sizes: { top: "M" } },
            { headers: cat.headers }
          )
        ).status
      ).toBe(200)
      await api.post(
        `/store/feed/posts/${data.post.id}/like`,
        {},
        { headers: ben.headers }
      )
      await api.post(
        `/store/feed/posts/${data.post.id}/save`,
        {},
        { headers: cat.headers }
      )
      // in stock when they reacted: nothing to wait for
      await new Promise((r) => setTimeout(r, 1500))
      expect(await social().listSocialStockWatches({})).toHaveLength(0)

      await setStock("S", 0)
      await setStock("M", 0)
      const waiting = await until(async () => {
        const w = await social().listSocialStockWatches({
          product_id: product.id,
          state: "waiting",
        })
        return w.length === 2 ? w : null
      }, "both shoppers to wait")
      expect(waiting.map((w: any) => w.customer_id).sort()).toEqual(
        [ben.id, cat.id].sort()
      )
      expect(await backInStock(ben)).toHaveLength(0)

      // S is back: ben (any size) hears of it, cat (M) does not
      await setStock("S", 4)
      const [note] = await until(async () => {
        const b = await backInStock(ben)
        return b.length ? b : null
      }, "ben's back_in_stock")
      expect(note).toMatchObject({
        type: "back_in_stock",
        product_id: product.id,
        read_at: null,
      })
      expect(await backInStock(cat)).toHaveLength(0)

      // M is back: cat hears of it; more stock moves notify nobody twice
      await setStock("M", 2)
      await until(
        async () => (await backInStock(cat)).length === 1,
        "cat's back_in_stock"
      )
      await setStock("S", 6)
      await setStock("M", 5)
      await new Promise((r) => setTimeout(r, 2000))
      expect(await backInStock(ben)).toHaveLength(1)
      expect(await backInStock(cat)).toHaveLength(1)
      // ann, who only posted it, is not notified
      expect(await backInStock(ann)).toHaveLength(0)
    })

    it("counts reports of comments and profiles in the queue, and a moderator hides, restores and deletes a comment", async () => {
      const { data } = await post(ann)
      const postId = data.post.id
      const c = (
        await api.post(
          `/store/feed/posts/${postId}/comments`,
          { text: "rude words" },
          { headers: ben.headers }
        )
      ).data.comment
      // 401 without a token, 400 for a bad body, 404 for unknown targets, 400 for one's own
      expect(
        (
          await err(
            api.post(
              `/store/feed/comments/${c.id}/report`,
              { reason: "x" },
              store
            )
          )
        ).status
      ).toBe(401)
      for (const body of [{}, { reason: "" }, { reason: "x", extra: 1 }])
        expect(
          (
            await err(
              api.post(`/store/feed/comments/${c.id}/report`, body, {
                headers: cat.headers,
              })
            )
          ).status
        ).toBe(400)
      expect(
        (
          await err(
            api.post(
              `/store/feed/comments/scmt_nope/report`,
              { reason: "x" },
              { headers: cat.headers }
            )
          )
        ).status
      ).toBe(404)
      expect(
        (
          await err(
            api.post(
              `/store/shoppers/nobody_here_1/report`,
              { reason: "x" },
              { headers: cat.headers }
            )
          )
        ).status
      ).toBe(404)
      expect(
        (
          await err(
            api.post(
              `/store/feed/comments/${c.id}/report`,
              { reason: "mine" },
              { headers: ben.headers }
            )
          )
        ).status
      ).toBe(400)
      expect(
        (
          await err(
            api.post(
              `/store/shoppers/${ann.handle}/report`,
              { reason: "me" },
              { headers: ann.headers }
            )
          )
        ).status
      ).toBe(400)

      const r1 = await api.post(
        `/store/feed/comments/${c.id}/report`,
        { reason: "insulting" },
        { headers: cat.headers }
      )
      expect(r1.status).toBe(201)
      expect(r1.data).toMatchObject({ target_type: "comment", target_id: c.id })
      // once per shopper
      expect(
        (
          await api.post(
            `/store/feed/comments/${c.id}/report`,
            { reason: "again" },
            { headers: cat.headers }
          )
        ).status
      ).toBe(200)
      await api.post(
        `/store/feed/comments/${c.id}/report`,
        { reason: "spam" },
        { headers: ann.headers }
      )
      const p1 = await api.post(
        `/store/shoppers/${ben.handle}/report`,
        { reason: "troll" },
        { headers: cat.headers }
      )
      expect(p1.status).toBe(201)
      expect(p1.data.target_type).toBe("profile")

      const { data: queue } = await api.get(
        `/admin/moderation/reports?order=most_reported`,
        admin
      )
      const cq = queue.reports.find((r: any) => r.target_id === c.id)
      expect(cq).toMatchObject({
        target_type: "comment",
        report_count: 2,
        target: {
          id: c.id,
          post_id: postId,
          text: "rude words",
          status: "visible",
        },
      })
      expect(cq.reasons.sort()).toEqual(["insulting", "spam"])
      const pq = queue.reports.find(
        (r: any) =>
          r.target_type === "profile" && r.target?.handle === ben.handle
      )
      expect(pq).toMatchObject({
        report_count: 1,
        target: { customer_id: ben.id, status: "active" },
      })

      const comments = async () =>
        (await api.get(`/store/feed/posts/${postId}/comments`, store)).data
      const count = async () =>
        (await api.get(`/store/feed/posts/${postId}`, store)).data.post
          .comments_count
      expect(await count()).toBe(1)
      expect(
        (
          await err(
            api.post(
              `/admin/moderation/comments/${c.id}`,
              { action: "explode" },
              admin
            )
          )
        ).status
      ).toBe(400)
      expect(
        (
          await err(
            api.post(
              `/admin/moderation/comments/scmt_nope`,
              { action: "hide" },
              admin
            )
          )
        ).status
      ).toBe(404)
      const hidden = await api.post(
        `/admin/moderation/comments/${c.id}`,
        { action: "hide", note: "insults" },
        admin
      )
      expect(hidden.data.comment.status).toBe("hidden")
      expect((await comments()).comments.map((x: any) => x.id)).not.toContain(
        c.id
      )
      expect(await count()).toBe(0)
      // acting closed its reports
      expect(
        (
          await api.get(`/admin/moderation/reports?limit=100`, admin)
        ).data.reports.find((r: any) => r.target_id === c.id)
      ).toBeUndefined()
      await api.post(
        `/admin/moderation/comments/${c.id}`,
        { action: "restore" },
        admin
      )
      expect((await comments()).comments.map((x: any) => x.id)).toContain(c.id)
      expect(await count()).toBe(1)
      await api.post(
        `/admin/moderation/comments/${c.id}`,
        { action: "delete" },
        admin
      )
      expect(await count()).toBe(0)
      const { data: audit } = await api.get(`/admin/moderation/audit`, admin)
      expect(
        audit.actions
          .filter((a: any) => a.target_id === c.id)
          .map((a: any) => a.action)
          .sort()
      ).toEqual(["delete", "hide", "restore"])
    })

    it("holds new posts for approval while pre-moderation is on", async () => {
      expect(
        (await api.get(`/admin/social/settings`, admin)).data.settings
      ).toEqual({ premoderation: false })
      expect(
        (
          await err(
            api.post(`/admin/social/settings`, { premoderation: "yes" }, admin)
          )
        ).status
      ).toBe(400)
      expect(
        (
          await api.post(
            `/admin/social/settings`,
            { premoderation: true },
            admin
          )
        ).data.settings
      ).toEqual({ premoderation: true })
      try {
        const { status, data } = await post(ann)
        expect(status).toBe(201)
        expect(data.post.status).toBe("pending")
        const id = data.post.id
        // invisible to others (and in every feed) until approved
        expect(
          (
            await err(
              api.get(`/store/feed/posts/${id}`, { headers: ben.headers })
            )
          ).status
        ).toBe(404)
        expect(await trendingIds(ben)).not.toContain(id)
        const { data: pending } = await api.get(
          `/admin/moderation/pending`,
          admin
        )
        expect(pending.posts.map((p: any) => p.id)).toContain(id)
        expect(pending.posts.find((p: any) => p.id === id)).toMatchObject({
          handle: ann.handle,
          customer_id: ann.id,
        })
        await api.post(
          `/admin/moderation/posts/${id}`,
          { action: "approve" },
          admin
        )
        expect(
          (await api.get(`/store/feed/posts/${id}`, { headers: ben.headers }))
            .data.post.status
        ).toBe("visible")
        expect(await trendingIds(ben)).toContain(id)
        expect(
          (await api.get(`/admin/moderation/pending`, admin)).data.posts.map(
            (p: any) => p.id
          )
        ).not.toContain(id)
        // bad paging of the pending list is a 400, never a 500
        for (const q of ["limit=-1", "offset=-5", "limit=abc", "limit=1000"])
          expect(
            (await err(api.get(`/admin/moderation/pending?${q}`, admin))).status
          ).toBe(400)
      } finally {
        await api.post(
          `/admin/social/settings`,
          { premoderation: false },
          admin
        )
      }
      // off again: posts go straight to the feed
      expect((await post(ann)).data.post.status).toBe("visible")
    })

    describe("visual search on posts", () => {
      const img = photo(310)
      let sold: { id: string }, stocked: { id: string }
      // in each test, not in a beforeAll: the runner restores the database it
      // snapshotted before the first test ahead of every later one
      beforeEach(async () => {
        // the same photo: the sold-out product's look-alike is the stocked one
        sold = await createTestProduct(getContainer(), {
          photo: img,
          sizes: { M: { eu: 0, us: 0 } },
          prices: { eur: 30, usd: 33 },
        })
        stocked = await createTestProduct(getContainer(), {
          photo: img,
          sizes: { M: { eu: 3, us: 3 } },
          prices: { eur: 31, usd: 34 },
        })
        const vs = getContainer().resolve(VISUAL_SEARCH_MODULE) as any
        await until(
          async () =>
            (await vs.indexedImagesOf(sold.id)).length > 0 &&
            (await vs.indexedImagesOf(stocked.id)).length > 0,
          "both products indexed",
          120000
        )
        await vs.syncIndex({ force: true })
      })

      it("suggests purchasable products for an untagged photo to its author only, who confirms them as tags", async () => {
        const { data } = await post(ann, [], img)
        const id = data.post.id
        expect(
          (
            await err(
              api.get(`/store/feed/posts/${id}/tag-suggestions`, {
                headers: ben.headers,
              })
            )
          ).status
        ).toBe(404)
        expect(
          (await err(api.get(`/store/feed/posts/${id}/tag-suggestions`, store)))
            .status
        ).toBe(401)
        expect(
          (
            await err(
              api.get(`/store/feed/posts/${id}/tag-suggestions?limit=0`, {
                headers: ann.headers,
              })
            )
          ).status
        ).toBe(400)
        // the index takes new products in asynchronously: ask until the look-alike is in it
        const suggestions = async () =>
          (
            await api.get(`/store/feed/posts/${id}/tag-suggestions`, {
              headers: ann.headers,
            })
          ).data
        const s1 = await until(async () => {
          const got = await suggestions()
          return got.suggestions[0]?.products.some(
            (p: any) => p.product.id === stocked.id
          )
            ? got
            : null
        }, "the stocked look-alike among the suggestions")
        expect(s1.suggestions).toHaveLength(1)
        expect(s1.suggestions[0].image).toBe(0)
        const suggested = s1.suggestions[0].products.map(
          (p: any) => p.product.id
        )
        expect(suggested).not.toContain(sold.id)
        for (const p of s1.suggestions[0].products)
          expect(p.variants.length).toBeGreaterThan(0)

        // the author confirms the first suggestion
        const tag = { image: 0, x: 0.4, y: 0.6, product_id: stocked.id }
        expect(
          (
            await err(
              api.post(
                `/store/feed/posts/${id}/tags`,
                { tags: [tag] },
                { headers: ben.headers }
              )
            )
          ).status
        ).toBe(404)
        for (const body of [
          { tags: [] },
          { tags: [{ ...tag, x: 2 }] },
          { tags: [tag], more: 1 },
          { tags: [{ ...tag, product_id: "prod_nope" }] },
          { tags: [{ ...tag, image: 1 }] },
        ])
          expect(
            (
              await err(
                api.post(`/store/feed/posts/${id}/tags`, body, {
                  headers: ann.headers,
                })
              )
            ).status
          ).toBe(400)
        const added = await api.post(
          `/store/feed/posts/${id}/tags`,
          { tags: [tag] },
          { headers: ann.headers }
        )
        expect(added.status).toBe(201)
        expect(added.data.post.tags).toHaveLength(1)
        expect(added.data.post.tags[0]).toMatchObject({
          image: 0,
          product: { id: stocked.id },
        })
        expect(added.data.post.tags[0].variants.length).toBeGreaterThan(0)
        // at most 10 a photo, counting the one it has; nothing written when refused
        expect(
          (
            await err(
              api.post(
                `/store/feed/posts/${id}/tags`,
                { tags: Array.from({ length: 10 }, () => tag) },
                { headers: ann.headers }
              )
            )
          ).status
        ).toBe(400)
        expect(
          (await api.get(`/store/feed/posts/${id}`, store)).data.post.tags
        ).toHaveLength(1)
        // a tagged photo gets no suggestions
        expect(
          (
            await api.get(`/store/feed/posts/${id}/tag-suggestions`, {
              headers: ann.headers,
            })
          ).data.suggestions
        ).toEqual([])
      })

      it("shows similar products in stock for a tagged product the viewer cannot buy", async () => {
        const { data } = await post(ann, [
          { image: 0, x: 0.5, y: 0.5, product_id: sold.id },
          { image: 0, x: 0.2, y: 0.2, product_id: stocked.id },
        ])
        const region = (await api.get(`/store/regions`, store)).data.regions[0]
        const { data: got } = await api.get(
          `/store/feed/posts/${data.post.id}?region_id=${region.id}`,
          store
        )
        // tags placed in one request share their creation time: find them by product
        const soldTag = got.post.tags.find((t: any) => t.product.id === sold.id)
        const stockedTag = got.post.tags.find(
          (t: any) => t.product.id === stocked.id
        )
        expect(got.post.tags).toHaveLength(2)
        expect(soldTag.variants).toEqual([])
        const similar = soldTag.similar_in_stock.map((p: any) => p.product.id)
        expect(similar.length).toBeGreaterThan(0)
        // the same look-alikes visual search's similar-products route gives (its near copies are the same product sold twice, left out there too)
        const { data: same } = await api.get(
          `/store/products/${sold.id}/similar?region_id=${region.id}&limit=4`,
          store
        )
        expect(similar).toEqual(same.results.map((r: any) => r.product.id))
        expect(similar).not.toContain(sold.id)
        for (const p of soldTag.similar_in_stock)
          expect(p.variants.length).toBeGreaterThan(0)
        // a buyable tag carries no look-alikes
        expect(stockedTag.variants.length).toBeGreaterThan(0)
        expect(stockedTag.similar_in_stock).toBeUndefined()
      })

      it("offers look-alikes in the viewer's size when the tagged product is sold out in it, though other sizes are in stock", async () => {
        // S in stock, M sold out; a T-shirt, so a shopper's top size is their size for it
        const mixed = await createTestProduct(getContainer(), {
          photo: img,
          sizes: { S: { eu: 3, us: 3 }, M: { eu: 0, us: 0 } },
          prices: { eur: 29, usd: 32 },
        })
        await api.post(
          `/admin/products/${mixed.id}`,
          {
            metadata: { master_category: "Apparel", article_type: "Tshirts" },
          },
          admin
        )
        const vs = getContainer().resolve(VISUAL_SEARCH_MODULE) as any
        await until(
          async () => (await vs.indexedImagesOf(mixed.id)).length > 0,
          "the product indexed",
          120000
        )
        await vs.syncIndex({ force: true })
        const { data } = await post(ann, [
          { image: 0, x: 0.5, y: 0.5, product_id: mixed.id },
        ])
        const region = (await api.get(`/store/regions`, store)).data.regions[0]
        const url = `/store/feed/posts/${data.post.id}?region_id=${region.id}`
        expect(
          (
            await api.post(
              "/store/customers/me/style-profile",
              { sizes: { top: "M" } },
              { headers: cat.headers }
            )
          ).status
        ).toBe(200)
        // cat wears M: the S on offer is not theirs, so look-alikes in M come with the tag
        const asCat = (await api.get(url, { headers: cat.headers })).data.post
          .tags[0]
        expect(asCat.variants.map((v: any) => v.size)).toEqual(["S"])
        const similar = asCat.similar_in_stock.map((p: any) => p.product.id)
        expect(similar.length).toBeGreaterThan(0)
        // what visual search's similar route gives for that size (the same photo's products are
        // near copies of this one, left out there too)
        const { data: same } = await api.get(
          `/store/products/${mixed.id}/similar?region_id=${region.id}&size=M&limit=4`,
          store
        )
        expect(similar).toEqual(same.results.map((r: any) => r.product.id))
        expect(similar).not.toContain(mixed.id)
        for (const p of asCat.similar_in_stock)
          expect(p.variants.some((v: any) => v.size === "M")).toBe(true)
        // a viewer without a size can buy the S: no look-alikes
        const anonymous = (await api.get(url, store)).data.post.tags[0]
        expect(anonymous.variants.length).toBe(1)
        expect(anonymous.similar_in_stock).toBeUndefined()
      })
    })

    it("sums posts, likes, comments and posters per day, top posts, and the posts that drove add-to-carts", async () => {
      const { data } = await post(ann, [
        { image: 0, x: 0.5, y: 0.5, product_id: product.id },
      ])
      const id = data.post.id
      await api.post(
        `/store/feed/posts/${id}/like`,
        {},
        { headers: ben.headers }
      )
      await api.post(
        `/store/feed/posts/${id}/like`,
        {},
        { headers: cat.headers }
      )
      await api.post(
        `/store/feed/posts/${id}/comments`,
        { text: "love it" },
        { headers: ben.headers }
      )
      // the post's tagged product goes into a cart through the post's own add-to-cart route
      const region = (await api.get(`/store/regions`, store)).data.regions[0]
      const cart = (
        await api.post(`/store/carts`, { region_id: region.id }, store)
      ).data.cart
      const added = await api.post(
        `/store/feed/posts/${id}/add-to-cart`,
        {
          cart_id: cart.id,
          items: [
            {
              product_id: product.id,
              variant_id: product.variants.find((v) => v.title === "M")!.id,
              quantity: 2,
            },
          ],
        },
        store
      )
      expect(added.status).toBe(200)
      expect(
        (await err(api.get(`/admin/social/overview?days=0`, admin))).status
      ).toBe(400)
      const { data: o } = await api.get(`/admin/social/overview`, admin)
      expect(o.days).toBe(14)
      expect(o.per_day).toHaveLength(14)
      const today = o.per_day[13]
      expect(today.day).toBe(new Date().toISOString().slice(0, 10))
      expect(today.posts).toBeGreaterThanOrEqual(1)
      expect(today.likes).toBeGreaterThanOrEqual(2)
      expect(today.comments).toBeGreaterThanOrEqual(1)
      expect(today.active_posters).toBeGreaterThanOrEqual(1)
      const rows = await social().listSocialPosts({})
      expect(o.totals.posts).toBe(rows.length)
      expect(o.top_posts.map((p: any) => p.id)).toContain(id)
      expect(o.add_to_cart_posts[0]).toMatchObject({
        post_id: id,
        units: 2,
        carts: 1,
        post: { id, handle: ann.handle },
      })
    })
  },
})
