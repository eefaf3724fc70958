import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import { createTestProduct } from "../helpers/products"
import { SOCIAL_MODULE } from "../../src/modules/social"

process.env.CURATOR_EMBEDDER = "classic"
// the tests make more posts a minute than a shopper may
process.env.CURATOR_RATE_LIMIT_POSTS = "0"
process.env.CURATOR_RATE_LIMIT_WRITES = "0"
jest.setTimeout(300 * 1000)

const demoDir = path.resolve(__dirname, "../../data/demo-catalog/images")
const staticDir = path.resolve(__dirname, "../../static")
const photo = (i: number) =>
  fs.readFileSync(path.join(demoDir, fs.readdirSync(demoDir).sort()[i]))

type Shopper = { id: string; handle: string; headers: Record<string, string> }

medusaIntegrationTestRunner({
  env: {
    CURATOR_EMBEDDER: "classic",
    CURATOR_RATE_LIMIT_POSTS: "0",
    CURATOR_RATE_LIMIT_WRITES: "0",
  },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regions: Awaited<ReturnType<typeof seedDemo>>["regions"]
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let product: { id: string; variants: { id: string }[] }
    let ann: Shopper, ben: Shopper, cat: Shopper
    let n = 0
    const err = (p: Promise<any>) => p.catch((e: any) => e.response)

    async function shopper(handle?: string): Promise<Shopper> {
      const k = ++n
      const email = `shopper${k}-${Date.now()}@test.local`
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
      const h = handle ?? `user_${k}_${Date.now() % 100000}`
      await api.post(
        "/store/customers/me/social-profile",
        { handle: h, display_name: h },
        { headers }
      )
      return { id: data.customer.id, handle: h, headers }
    }

    async function post(
      who: Shopper,
      opts: {
        caption?: string
        visibility?: string
        tags?: unknown
        files?: { buf: Buffer; name?: string; type?: string }[]
        raw?: Record<string, string>
      } = {}
    ) {
      const form = new FormData()
      for (const f of opts.files ?? [{ buf: photo(n++ % 50) }])
        form.append(
          "images",
          new Blob([new Uint8Array(f.buf)], { type: f.type ?? "image/jpeg" }),
          f.name ?? "look.jpg"
        )
      form.append("caption", opts.caption ?? "My look #denim")
      form.append("visibility", opts.visibility ?? "public")
      form.append(
        "tags",
        typeof opts.tags === "string"
          ? opts.tags
          : JSON.stringify(opts.tags ?? [])
      )
      for (const [k, v] of Object.entries(opts.raw ?? {})) form.append(k, v)
      const res = await fetch(`${api.defaults.baseURL}/store/feed/posts`, {
        method: "POST",
        body: form,
        headers: who.headers,
      })
      return { status: res.status, data: (await res.json()) as any }
    }
    const feed = async (
      mode: string,
      who?: Shopper,
      cursor?: string,
      limit = 50
    ) =>
      (
        await api.get(
          `/store/feed?mode=${mode}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
          who ? { headers: who.headers } : store
        )
      ).data
    const ids = (f: any) => f.posts.map((p: any) => p.id)
    const social = () => getContainer().resolve(SOCIAL_MODULE) as any

    beforeAll(async () => {
      ;({ pk, regions } = await seedDemo(getContainer(), 4))
      await createAdmin(getContainer())
      admin = {
        headers: {
          authorization: `Bearer ${(await api.post("/auth/user/emailpass", ADMIN)).data.token}`,
        },
      }
      store = { headers: { "x-publishable-api-key": pk } }
      // stocked and priced in both regions, so that its variants are purchasable whatever the region
      const made = await createTestProduct(getContainer(), {
        photo: photo(100),
        sizes: { S: { eu: 5, us: 5 }, M: { eu: 3, us: 3 } },
        prices: { eur: 30, usd: 35 },
      })
      const { data } = await api.get(
        `/admin/products/${made.id}?fields=id,variants.id`,
        admin
      )
      product = data.product
      ann = await shopper("Ann_Style")
      ben = await shopper()
      cat = await shopper()
    })

    it("refuses every write without a customer token with 401", async () => {
      const form = new FormData()
      form.append(
        "images",
        new Blob([new Uint8Array(photo(0))], { type: "image/jpeg" }),
        "a.jpg"
      )
      expect(
        (
          await fetch(`${api.defaults.baseURL}/store/feed/posts`, {
            method: "POST",
            body: form,
            headers: store.headers,
          })
        ).status
      ).toBe(401)
      const { data } = await post(ann)
      for (const call of [
        () => api.post(`/store/feed/posts/${data.post.id}/like`, {}, store),
        () => api.post(`/store/feed/posts/${data.post.id}/save`, {}, store),
        () =>
          api.post(
            `/store/feed/posts/${data.post.id}/comments`,
            { text: "hi" },
            store
          ),
        () =>
          api.post(
            `/store/feed/posts/${data.post.id}/report`,
            { reason: "spam" },
            store
          ),
        () => api.post(`/store/shoppers/${ann.handle}/follow`, {}, store),
        () =>
          api.post(
            `/store/customers/me/social-profile`,
            { handle: "nobody", display_name: "x" },
            store
          ),
        () => api.get(`/store/customers/me/notifications`, store),
      ])
        expect((await err(call())).status).toBe(401)
      // reads are public
      expect(
        (await api.get(`/store/feed/posts/${data.post.id}`, store)).status
      ).toBe(200)
    })

    it("answers 409 for a handle another shopper has, whatever its case", async () => {
      const res = await err(
        api.post(
          "/store/customers/me/social-profile",
          { handle: "ANN_style", display_name: "Copy" },
          { headers: ben.headers }
        )
      )
      expect(res.status).toBe(409)
      const mine = await api.get("/store/customers/me/social-profile", {
        headers: ann.headers,
      })
      expect(mine.data.social_profile).toMatchObject({
        handle: "ann_style",
        display_name: "Ann_Style",
      })
      ann.handle = "ann_style"
    })

    it("posts an outfit with a product tag and answers it with the product and its purchasable variants, also by id", async () => {
      const { status, data } = await post(ann, {
        caption: "Autumn #Layers and #denim",
        tags: [
          {
            image: 0,
            x: 0.5,
            y: 0.4,
            product_id: product.id,
            variant_id: product.variants[0].id,
          },
        ],
      })
      expect(status).toBe(201)
      expect(data.post).toMatchObject({
        author: { handle: "ann_style" },
        caption: "Autumn #Layers and #denim",
        hashtags: ["layers", "denim"],
        visibility: "public",
        likes_count: 0,
        comments_count: 0,
        liked_by_me: false,
      })
      expect(data.post.images).toHaveLength(1)
      expect(data.post.images[0].url).toMatch(/^http/)
      const [tag] = data.post.tags
      expect(tag).toMatchObject({
        image: 0,
        x: 0.5,
        y: 0.4,
        product: { id: product.id },
      })
      expect(tag.product.title).toEqual(expect.any(String))
      expect(tag.variants.map((v: any) => v.size).sort()).toEqual(["M", "S"])
      expect(tag.variants[0]).toMatchObject({
        id: expect.any(String),
        calculated_price: expect.any(Number),
        currency_code: expect.any(String),
        in_stock: true,
      })
      const byId = await api.get(
        `/store/feed/posts/${data.post.id}?region_id=${regions.usd.id}`,
        store
      )
      expect(byId.data.post.tags[0].variants[0].currency_code).toBe("usd")
      expect(byId.data.post.id).toBe(data.post.id)
    })

    it("strips EXIF and re-encodes the uploaded photo", async () => {
      const withExif = await sharp(photo(3))
        .withMetadata({ exif: { IFD0: { Copyright: "secret-gps-place" } } })
        .jpeg()
        .toBuffer()
      const { data } = await post(ben, { files: [{ buf: withExif }] })
      expect((await sharp(withExif).metadata()).exif).toBeDefined()
      const stored = fs.readFileSync(
        path.join(
          staticDir,
          path.basename(new URL(data.post.images[0].url).pathname)
        )
      )
      const meta = await sharp(stored).metadata()
      expect(meta.exif).toBeUndefined()
      expect(meta.format).toBe("jpeg")
      expect(data.post.images[0]).toMatchObject({
        width: meta.width,
        height: meta.height,
      })
    })

    it("rejects bad posts with a clear 4xx and stores nothing", async () => {
      const before = (await social().listSocialPosts({}, { withDeleted: true }))
        .length
      const imagesBefore = (
        await social().listSocialPostImages({}, { withDeleted: true })
      ).length
      const big = Buffer.alloc(11 * 1024 * 1024, 1)
      expect((await post(ann, { files: [{ buf: big }] })).status).toBe(413)
      const text = await post(ann, {
        files: [
          { buf: Buffer.from("just some text, not a photo"), name: "a.jpg" },
        ],
      })
      expect(text.status).toBe(415)
      const seven = await post(ann, {
        files: Array.from({ length: 7 }, (_, i) => ({ buf: photo(i) })),
      })
      expect(seven.status).toBe(400)
      expect(seven.data.message).toMatch(/at most 6/)
      expect((await post(ann, { tags: "not json" })).status).toBe(400)
      expect((await post(ann, { visibility: "everyone" })).status).toBe(400)
      expect(
        (
          await post(ann, {
            tags: [{ image: 0, x: 2, y: 0.5, product_id: product.id }],
          })
        ).status
      ).toBe(400)
      const unknown = await post(ann, {
        tags: [{ image: 0, x: 0.5, y: 0.5, product_id: "prod_nope" }],
      })
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/prod_nope/)
      const wrongPhoto = await post(ann, {
        tags: [{ image: 3, x: 0.5, y: 0.5, product_id: product.id }],
      })
      expect(wrongPhoto.status).toBe(400)
      expect(
        (await social().listSocialPosts({}, { withDeleted: true })).length
      ).toBe(before)
      expect(
        (await social().listSocialPostImages({}, { withDeleted: true })).length
      ).toBe(imagesBefore)
    })

    it("refuses another shopper's edits and deletes of posts and comments", async () => {
      const { data } = await post(ann, { caption: "mine" })
      expect(
        (
          await err(
            api.post(
              `/store/feed/posts/${data.post.id}`,
              { caption: "hacked" },
              { headers: ben.headers }
            )
          )
        ).status
      ).toBe(404)
      expect(
        (
          await err(
            api.delete(`/store/feed/posts/${data.post.id}`, {
              headers: ben.headers,
            })
          )
        ).status
      ).toBe(404)
      const { data: c } = await api.post(
        `/store/feed/posts/${data.post.id}/comments`,
        { text: "nice" },
        { headers: ann.headers }
      )
      expect(
        (
          await err(
            api.post(
              `/store/feed/comments/${c.comment.id}`,
              { text: "edited by ben" },
              { headers: ben.headers }
            )
          )
        ).status
      ).toBe(404)
      expect(
        (
          await err(
            api.delete(`/store/feed/comments/${c.comment.id}`, {
              headers: ben.headers,
            })
          )
        ).status
      ).toBe(404)
      expect(
        (await api.get(`/store/feed/posts/${data.post.id}`, store)).data.post
          .caption
      ).toBe("mine")
      // the author can
      expect(
        (
          await api.post(
            `/store/feed/posts/${data.post.id}`,
            { caption: "mine #edited" },
            { headers: ann.headers }
          )
        ).data.post.hashtags
      ).toEqual(["edited"])
      const edited = await api.post(
        `/store/feed/comments/${c.comment.id}`,
        { text: "nicer" },
        { headers: ann.headers }
      )
      expect(edited.data.comment.edited_at).toBeTruthy()
      await api.delete(`/store/feed/comments/${c.comment.id}`, {
        headers: ann.headers,
      })
      expect(
        (await api.get(`/store/feed/posts/${data.post.id}`, store)).data.post
          .comments_count
      ).toBe(0)
      await api.delete(`/store/feed/posts/${data.post.id}`, {
        headers: ann.headers,
      })
      expect(
        (await err(api.get(`/store/feed/posts/${data.post.id}`, store))).status
      ).toBe(404)
    })

    it("shows a followers-only post to followers and the author only, in feeds and by id", async () => {
      const { data } = await post(cat, {
        visibility: "followers",
        caption: "close friends",
      })
      const id = data.post.id
      expect(
        (
          await err(
            api.get(`/store/feed/posts/${id}`, { headers: ben.headers })
          )
        ).status
      ).toBe(404)
      expect(
        (await err(api.get(`/store/feed/posts/${id}`, store))).status
      ).toBe(404)
      expect(
        (
          await err(
            api.post(
              `/store/feed/posts/${id}/like`,
              {},
              { headers: ben.headers }
            )
          )
        ).status
      ).toBe(404)
      for (const mode of ["trending", "for_you"])
        expect(ids(await feed(mode, ben))).not.toContain(id)
      expect(ids(await feed("trending"))).not.toContain(id)
      expect(
        (await api.get(`/store/feed/posts/${id}`, { headers: cat.headers }))
          .status
      ).toBe(200)
      expect(
        (
          await api.post(
            `/store/shoppers/${cat.handle}/follow`,
            {},
            { headers: ben.headers }
          )
        ).data.followed_by_me
      ).toBe(true)
      expect(
        (
          await api.post(
            `/store/shoppers/${cat.handle}/follow`,
            {},
            { headers: ben.headers }
          )
        ).data.followers_count
      ).toBe(1)
      expect(
        (await api.get(`/store/feed/posts/${id}`, { headers: ben.headers }))
          .status
      ).toBe(200)
      expect(ids(await feed("following", ben))[0]).toBe(id)
      expect(
        (
          await api.get(`/store/shoppers/${cat.handle}`, {
            headers: ben.headers,
          })
        ).data.posts.map((p: any) => p.id)
      ).toContain(id)
      expect(
        (await api.get(`/store/shoppers/${cat.handle}`, store)).data.posts.map(
          (p: any) => p.id
        )
      ).not.toContain(id)
      await api.delete(`/store/shoppers/${cat.handle}/follow`, {
        headers: ben.headers,
      })
      expect(
        (
          await err(
            api.get(`/store/feed/posts/${id}`, { headers: ben.headers })
          )
        ).status
      ).toBe(404)
    })

    it("counts 20 concurrent likes of one shopper once, and 20 shoppers' concurrent likes as 20, equal to the rows", async () => {
      const { data } = await post(ann)
      const id = data.post.id
      const same = await Promise.all(
        Array.from({ length: 20 }, () =>
          api.post(`/store/feed/posts/${id}/like`, {}, { headers: ben.headers })
        )
      )
      expect(same.every((r) => r.status === 200)).toBe(true)
      expect(
        (await api.get(`/store/feed/posts/${id}`, { headers: ben.headers }))
          .data.post
      ).toMatchObject({ likes_count: 1, liked_by_me: true })
      const many = await Promise.all(
        Array.from({ length: 19 }, () => shopper())
      )
      await Promise.all(
        many.flatMap((s) => [
          api.post(`/store/feed/posts/${id}/like`, {}, { headers: s.headers }),
          api.post(`/store/feed/posts/${id}/like`, {}, { headers: s.headers }),
        ])
      )
      const rows = await social().listSocialLikes({ post_id: id })
      const [p] = await social().listSocialPosts({ id })
      expect(rows).toHaveLength(20)
      expect(p.likes_count).toBe(20)
      await Promise.all(
        many
          .slice(0, 5)
          .flatMap((s) => [
            api.delete(`/store/feed/posts/${id}/like`, { headers: s.headers }),
            api.delete(`/store/feed/posts/${id}/like`, { headers: s.headers }),
          ])
      )
      const [after] = await social().listSocialPosts({ id })
      expect(after.likes_count).toBe(15)
      expect(await social().listSocialLikes({ post_id: id })).toHaveLength(15)
      // saves the same way
      await Promise.all(
        Array.from({ length: 10 }, () =>
          api.post(`/store/feed/posts/${id}/save`, {}, { headers: cat.headers })
        )
      )
      expect((await social().listSocialPosts({ id }))[0].saves_count).toBe(1)
    })

    it("pages every feed mode by cursor without duplicates or gaps while posts are inserted", async () => {
      const dan = await shopper()
      await api.post(
        `/store/shoppers/${ann.handle}/follow`,
        {},
        { headers: dan.headers }
      )
      for (let i = 0; i < 5; i++) await post(ann, { caption: `page ${i}` })
      for (const mode of ["following", "trending", "for_you"]) {
        const all = ids(await feed(mode, dan, undefined, 50))
        expect(all.length).toBeGreaterThanOrEqual(5)
        const seen: string[] = []
        let cursor: string | undefined
        do {
          const page = await feed(mode, dan, cursor, 2)
          seen.push(...ids(page))
          cursor = page.next_cursor ?? undefined
          // a new post between pages must not shift what follows
          await post(ann, { caption: `inserted while paging ${mode}` })
        } while (cursor)
        expect(new Set(seen).size).toBe(seen.length)
        expect(seen).toEqual(all)
      }
      expect(
        (await err(api.get(`/store/feed?mode=trending&cursor=garbage`, store)))
          .status
      ).toBe(400)
      expect(
        (await err(api.get(`/store/feed?mode=sideways`, store))).status
      ).toBe(400)
    })

    it("hides a post after 3 distinct reports, lists it in the moderation queue, and lets an admin restore, hide and audit it", async () => {
      const { data } = await post(cat, { caption: "reported" })
      const id = data.post.id
      await api.post(
        `/store/feed/posts/${id}/report`,
        { reason: "spam" },
        { headers: ann.headers }
      )
      await api.post(
        `/store/feed/posts/${id}/report`,
        { reason: "spam again" },
        { headers: ann.headers }
      )
      await api.post(
        `/store/feed/posts/${id}/report`,
        { reason: "offensive" },
        { headers: ben.headers }
      )
      expect((await api.get(`/store/feed/posts/${id}`, store)).status).toBe(200)
      expect(
        (
          await err(
            api.post(
              `/store/feed/posts/${id}/report`,
              {},
              { headers: ben.headers }
            )
          )
        ).status
      ).toBe(400)
      const dan = await shopper()
      await api.post(
        `/store/feed/posts/${id}/report`,
        { reason: "nsfw" },
        { headers: dan.headers }
      )
      expect(
        (await err(api.get(`/store/feed/posts/${id}`, store))).status
      ).toBe(404)
      expect((await social().listSocialPosts({ id }))[0]).toMatchObject({
        status: "hidden",
        reports_count: 3,
      })

      expect((await err(api.get("/admin/moderation/reports"))).status).toBe(401)
      const queue = (
        await api.get("/admin/moderation/reports?order=most_reported", admin)
      ).data
      const entry = queue.reports.find((r: any) => r.target_id === id)
      expect(entry).toMatchObject({
        target_type: "post",
        report_count: 3,
        target: { status: "hidden" },
      })
      expect(entry.reasons).toEqual(
        expect.arrayContaining(["spam", "offensive", "nsfw"])
      )

      await api.post(
        `/admin/moderation/posts/${id}`,
        { action: "restore" },
        admin
      )
      expect((await api.get(`/store/feed/posts/${id}`, store)).status).toBe(200)
      expect(
        (await api.get("/admin/moderation/reports", admin)).data.reports.map(
          (r: any) => r.target_id
        )
      ).not.toContain(id)
      await api.post(
        `/admin/moderation/posts/${id}`,
        { action: "hide", note: "on second thought" },
        admin
      )
      expect(
        (await err(api.get(`/store/feed/posts/${id}`, store))).status
      ).toBe(404)
      for (const mode of ["trending", "for_you"])
        expect(ids(await feed(mode, ann))).not.toContain(id)
      expect(
        (
          await err(
            api.post(
              `/admin/moderation/posts/${id}`,
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
              `/admin/moderation/posts/spost_nope`,
              { action: "hide" },
              admin
            )
          )
        ).status
      ).toBe(404)
      const audit = (await api.get("/admin/moderation/audit", admin)).data
        .actions
      expect(
        audit.slice(0, 2).map((a: any) => [a.action, a.target_id])
      ).toEqual([
        ["hide", id],
        ["restore", id],
      ])
      expect(audit[0]).toMatchObject({
        note: "on second thought",
        user_id: expect.any(String),
      })
    })

    it("bans a shopper: their writes answer 403 and their posts leave every feed mode and the by-id view", async () => {
      const eve = await shopper()
      const { data } = await post(eve, { caption: "soon banned" })
      const id = data.post.id
      await api.post(
        `/store/shoppers/${eve.handle}/follow`,
        {},
        { headers: ann.headers }
      )
      expect(ids(await feed("following", ann))).toContain(id)
      await api.post(
        `/admin/moderation/customers/${eve.id}`,
        { action: "ban", note: "spam account" },
        admin
      )
      for (const mode of ["following", "trending", "for_you"])
        expect(ids(await feed(mode, ann))).not.toContain(id)
      expect(
        (await err(api.get(`/store/feed/posts/${id}`, store))).status
      ).toBe(404)
      const write = await post(eve)
      expect(write.status).toBe(403)
      expect(write.data.message).toMatch(/banned/)
      expect(
        (
          await err(
            api.post(
              `/store/feed/posts/${(await post(ann)).data.post.id}/like`,
              {},
              { headers: eve.headers }
            )
          )
        ).status
      ).toBe(403)
      await api.post(
        `/admin/moderation/customers/${eve.id}`,
        { action: "unban" },
        admin
      )
      expect((await api.get(`/store/feed/posts/${id}`, store)).status).toBe(200)
    })

    it("notifies the author of likes, comments, replies and follows, with an unread count and mark-read", async () => {
      const fay = await shopper()
      const { data } = await post(fay)
      const id = data.post.id
      await api.post(
        `/store/feed/posts/${id}/like`,
        {},
        { headers: ben.headers }
      )
      await api.post(
        `/store/feed/posts/${id}/like`,
        {},
        { headers: ben.headers }
      )
      const { data: c } = await api.post(
        `/store/feed/posts/${id}/comments`,
        { text: "love it" },
        { headers: ann.headers }
      )
      await api.post(
        `/store/feed/posts/${id}/comments`,
        { text: "thanks!", parent_id: c.comment.id },
        { headers: fay.headers }
      )
      await api.post(
        `/store/feed/posts/${id}/comments`,
        { text: "agree", parent_id: c.comment.id },
        { headers: ben.headers }
      )
      await api.post(
        `/store/shoppers/${fay.handle}/follow`,
        {},
        { headers: cat.headers }
      )
      const replyToReply = await err(
        api.post(
          `/store/feed/posts/${id}/comments`,
          {
            text: "deep",
            parent_id: (
              await api.get(`/store/feed/posts/${id}/comments`, store)
            ).data.comments[1].id,
          },
          { headers: ben.headers }
        )
      )
      expect(replyToReply.status).toBe(400)

      const mine = (
        await api.get("/store/customers/me/notifications", {
          headers: fay.headers,
        })
      ).data
      expect(mine.notifications.map((x: any) => x.type).sort()).toEqual([
        "comment",
        "comment",
        "follow",
        "like",
      ])
      expect(mine.unread_count).toBe(4)
      expect(
        mine.notifications.find((x: any) => x.type === "like")
      ).toMatchObject({
        actor: { handle: ben.handle },
        post_id: id,
        read_at: null,
      })
      const annN = (
        await api.get("/store/customers/me/notifications", {
          headers: ann.headers,
        })
      ).data.notifications
      expect(
        annN.some((x: any) => x.type === "reply" && x.post_id === id)
      ).toBe(true)

      const like = mine.notifications.find((x: any) => x.type === "like")
      const foreign = annN[0].id
      const one = await api.post(
        "/store/customers/me/notifications/read",
        { ids: [like.id, foreign] },
        { headers: fay.headers }
      )
      expect(one.data).toMatchObject({ marked: 1, unread_count: 3 })
      expect(
        (
          await api.post(
            "/store/customers/me/notifications/read",
            {},
            { headers: fay.headers }
          )
        ).data.unread_count
      ).toBe(0)
      expect(
        (
          await api.get("/store/customers/me/notifications", {
            headers: ann.headers,
          })
        ).data.notifications.find((x: any) => x.id === foreign).read_at
      ).toBeNull()
    })
  },
})
