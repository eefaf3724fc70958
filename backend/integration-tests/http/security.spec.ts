import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import VisualSearchModuleService from "../../src/modules/visual-search/service"
import { signClientAddress } from "../../src/lib/client-address"
import { DEV_FORWARD_SECRET } from "../../src/lib/env"

process.env.CURATOR_EMBEDDER = "classic"
jest.setTimeout(300 * 1000)

// low limits so a test reaches them quickly: visual search 3/min, similar 6/min, lookbook events 8/min
const staticDir = path.resolve(__dirname, "../../static")
const storedFiles = () =>
  fs.existsSync(staticDir) ? fs.readdirSync(staticDir).length : 0
const nested = (depth: number) =>
  '{"a":'.repeat(depth) + "1" + "}".repeat(depth)

const env = {
  CURATOR_EMBEDDER: "classic",
  CURATOR_RATE_LIMIT_SEARCH: "3",
  CURATOR_RATE_LIMIT_WRITES: "2",
}

medusaIntegrationTestRunner({
  env,
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regions: Awaited<ReturnType<typeof seedDemo>>["regions"]
    let store: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    // a fresh signed shopper address: its own rate-limit bucket, so tests do not share one
    let shopperN = 0
    const freshShopper = () => {
      const ip = `192.0.2.${++shopperN}`
      return {
        "x-curator-client-ip": ip,
        "x-curator-client-sig": signClientAddress(DEV_FORWARD_SECRET, ip),
      }
    }
    const raw = (
      p: string,
      init: RequestInit & { headers?: Record<string, string> } = {}
    ) =>
      fetch(`${api.defaults.baseURL}${p}`, {
        ...init,
        headers: {
          "x-publishable-api-key": pk,
          ...freshShopper(),
          ...(init.headers ?? {}),
        },
      })
    const upload = async (
      files: { name: string; type: string; bytes: Buffer }[],
      field = "files"
    ) => {
      const form = new FormData()
      for (const f of files)
        form.append(
          field,
          new Blob([new Uint8Array(f.bytes)], { type: f.type }),
          f.name
        )
      const res = await fetch(`${api.defaults.baseURL}/admin/uploads`, {
        method: "POST",
        body: form,
        headers: admin.headers,
      })
      return { status: res.status, data: await res.json() }
    }
    const send = (
      path: string,
      body: unknown,
      headers: Record<string, string> = {}
    ) =>
      api
        .post(path, body, { headers: { ...store.headers, ...headers } })
        .catch((e: any) => e.response)
    const get = (path: string, headers: Record<string, string> = {}) =>
      api
        .get(path, { headers: { ...store.headers, ...headers } })
        .catch((e: any) => e.response)

    async function customerToken(email: string) {
      const password = "correct-horse-battery"
      const reg = await api.post("/auth/customer/emailpass/register", {
        email,
        password,
      })
      await api.post(
        "/store/customers",
        { email },
        {
          headers: {
            ...store.headers,
            authorization: `Bearer ${reg.data.token}`,
          },
        }
      )
      return (await api.post("/auth/customer/emailpass", { email, password }))
        .data.token as string
    }

    beforeAll(async () => {
      ;({ pk, regions } = await seedDemo(getContainer(), 4))
      store = { headers: { "x-publishable-api-key": pk } }
      await createAdmin(getContainer())
      admin = {
        headers: {
          authorization: `Bearer ${(await api.post("/auth/user/emailpass", ADMIN)).data.token}`,
        },
      }
    })

    describe("rate limits (#19.1)", () => {
      it("does not let a client bypass the limit by rotating X-Forwarded-For", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 5; i++)
          statuses.push(
            (
              await send(
                "/store/visual-search",
                {},
                { "x-forwarded-for": `203.0.113.${i + 1}` }
              )
            ).status
          )
        expect(statuses.slice(0, 3)).not.toContain(429)
        expect(statuses.slice(3)).toEqual([429, 429])
      })

      it("answers 429 with Retry-After, RateLimit-* headers and a too_many_requests body", async () => {
        const r = await send("/store/visual-search", {})
        expect(r.status).toBe(429)
        expect(Number(r.headers["retry-after"])).toBeGreaterThan(0)
        expect(r.headers["ratelimit-limit"]).toBe("3")
        expect(r.headers["ratelimit-remaining"]).toBe("0")
        expect(Number(r.headers["ratelimit-reset"])).toBeGreaterThan(0)
        expect(r.data).toEqual({
          type: "too_many_requests",
          message: expect.stringMatching(/at most 3 a minute/),
        })
      })

      it("gives two logged-in customers separate buckets", async () => {
        const [a, b] = [
          await customerToken("rl-a@test.local"),
          await customerToken("rl-b@test.local"),
        ]
        const as: number[] = []
        for (let i = 0; i < 4; i++)
          as.push(
            (
              await send(
                "/store/visual-search",
                {},
                { authorization: `Bearer ${a}` }
              )
            ).status
          )
        expect(as.slice(0, 3)).not.toContain(429)
        expect(as[3]).toBe(429)
        const r = await send(
          "/store/visual-search",
          {},
          { authorization: `Bearer ${b}` }
        )
        expect(r.status).not.toBe(429)
        expect(r.headers["ratelimit-remaining"]).toBe("2")
      })

      it("gives two shoppers forwarded by the storefront (signed) separate buckets", async () => {
        const as = (ip: string) => ({
          "x-curator-client-ip": ip,
          "x-curator-client-sig": signClientAddress(DEV_FORWARD_SECRET, ip),
        })
        const first: number[] = []
        for (let i = 0; i < 4; i++)
          first.push(
            (await send("/store/visual-search", {}, as("198.51.100.10"))).status
          )
        expect(first.slice(0, 3)).not.toContain(429)
        expect(first[3]).toBe(429)
        expect(
          (await send("/store/visual-search", {}, as("198.51.100.11"))).status
        ).not.toBe(429)
      })

      it("ignores a forged signature: forged shopper addresses share the caller's bucket", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 8; i++) {
          const ip = `198.51.100.${50 + i}`
          statuses.push(
            (
              await get(`/store/products/prod_none/similar?region_id=x`, {
                "x-curator-client-ip": ip,
                "x-curator-client-sig": signClientAddress(
                  "not-the-secret-not-the-secret",
                  ip
                ),
              })
            ).status
          )
        }
        // similar allows 6 a minute per client
        expect(statuses.slice(0, 6)).not.toContain(429)
        expect(statuses.slice(6)).toEqual([429, 429])
      })
    })

    describe("uploads (#19.3)", () => {
      const gpsJpeg = () =>
        sharp({
          create: { width: 64, height: 48, channels: 3, background: "#c04040" },
        })
          .jpeg()
          .withExif({
            IFD0: { Make: "ShooterCam", Model: "X1" },
            IFD3: {
              GPSLatitudeRef: "N",
              GPSLatitude: "48/1 51/1 24/1",
              GPSLongitudeRef: "E",
              GPSLongitude: "2/1 21/1 3/1",
            },
          })
          .toBuffer()

      it("strips EXIF and GPS from a JPEG uploaded through Medusa's /admin/uploads (the lookbook editor's upload path)", async () => {
        const sent = await gpsJpeg()
        const before = await sharp(sent).metadata()
        expect(before.exif?.toString("latin1")).toContain("ShooterCam")
        const { status, data } = await upload([
          { name: "look.jpeg", type: "image/jpeg", bytes: sent },
        ])
        expect(status).toBe(200)
        const url: string = data.files[0].url
        expect(url).toMatch(/\.jpg$/)
        const stored = fs.readFileSync(
          path.join(staticDir, path.basename(new URL(url).pathname))
        )
        const meta = await sharp(stored).metadata()
        expect(meta.format).toBe("jpeg")
        expect(meta.exif).toBeUndefined()
        expect(stored.toString("latin1")).not.toContain("ShooterCam")
        expect([meta.width, meta.height]).toEqual([64, 48])
      })

      it("refuses an SVG with a script and an HTML page with 415, storing nothing of the request", async () => {
        const files = storedFiles()
        const svg = Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
        )
        const r = await upload([
          { name: "fine.jpg", type: "image/jpeg", bytes: await gpsJpeg() },
          { name: "x.svg", type: "image/svg+xml", bytes: svg },
        ])
        expect(r.status).toBe(415)
        expect(r.data).toEqual({
          type: "unsupported_media_type",
          message: expect.stringMatching(/x\.svg: .*not a JPEG, PNG or WebP/),
        })
        const html = await upload([
          {
            name: "x.html",
            type: "text/html",
            bytes: Buffer.from("<html><script>alert(1)</script></html>"),
          },
        ])
        expect(html.status).toBe(415)
        expect(storedFiles()).toBe(files)
      })
    })

    describe("security headers (#19.4)", () => {
      it("sends CSP, frame, nosniff and referrer headers on API answers, and no X-Powered-By", async () => {
        const r = await raw("/store/lookbooks")
        expect(r.status).toBe(200)
        expect(r.headers.get("content-security-policy")).toMatch(
          /default-src 'none'.*frame-ancestors 'none'/
        )
        expect(r.headers.get("x-frame-options")).toBe("DENY")
        expect(r.headers.get("x-content-type-options")).toBe("nosniff")
        expect(r.headers.get("referrer-policy")).toBe(
          "strict-origin-when-cross-origin"
        )
        expect(r.headers.get("x-powered-by")).toBeNull()
        // HSTS only in production
        expect(r.headers.get("strict-transport-security")).toBeNull()
        const a = await fetch(`${api.defaults.baseURL}/admin/lookbooks`, {
          headers: admin.headers,
        })
        expect(a.headers.get("x-frame-options")).toBe("DENY")
        expect(a.headers.get("x-powered-by")).toBeNull()
      })
    })

    describe("deeply nested JSON (#19.5)", () => {
      it("answers 400 invalid_data to a 5,000-level body on /store/carts, lookbook events and admin lookbooks", async () => {
        const body = nested(5000)
        for (const [p, headers] of [
          ["/store/carts", {}],
          ["/store/lookbooks/lkbk_x/events", {}],
          ["/admin/lookbooks", admin.headers],
        ] as const) {
          const r = await raw(p, {
            method: "POST",
            body,
            headers: { "content-type": "application/json", ...headers },
          })
          expect({ path: p, status: r.status, body: await r.json() }).toEqual({
            path: p,
            status: 400,
            body: {
              type: "invalid_data",
              message: "JSON nested deeper than 32 levels",
            },
          })
        }
        // 32 levels is still an ordinary (if wrong) body: the route's own validator answers
        const ok = await raw("/admin/lookbooks", {
          method: "POST",
          body: nested(32),
          headers: { "content-type": "application/json", ...admin.headers },
        })
        expect(ok.status).toBe(400)
        expect((await ok.json()).message).not.toMatch(/nested deeper/)
      })
    })

    describe("paging (#19.6)", () => {
      it("answers 400 naming the field for a negative offset, a negative limit or a limit that is not a number", async () => {
        for (const [qs, field] of [
          ["offset=-5", "offset"],
          ["limit=-1", "limit"],
          ["limit=abc", "limit"],
          ["limit=1.5", "limit"],
          ["limit=100000", "limit"],
        ]) {
          const a = await api
            .get(`/admin/lookbooks?${qs}`, admin)
            .catch((e: any) => e.response)
          expect({ qs, status: a.status, type: a.data.type }).toEqual({
            qs,
            status: 400,
            type: "invalid_data",
          })
          expect(a.data.message).toContain(field)
          const s = await get(`/store/lookbooks?${qs}`)
          expect({ qs, status: s.status }).toEqual({ qs, status: 400 })
        }
        const fine = await api.get(`/admin/lookbooks?offset=0&limit=2`, admin)
        expect(fine.status).toBe(200)
        expect(fine.data.lookbooks.length).toBeLessThanOrEqual(2)
        expect((await get(`/store/lookbooks?limit=1`)).status).toBe(200)
      })
    })

    describe("unbounded work (#19.8)", () => {
      it("limits lookbook event writes per client, however X-Forwarded-For is rotated", async () => {
        const who = freshShopper()
        const statuses: number[] = []
        // a rotated X-Forwarded-For on each event must not make a new client
        for (let i = 0; i < 9; i++)
          statuses.push(
            (
              await send(
                "/store/lookbooks/lkbk_missing/events",
                { type: "look_viewed", look_id: "look_x" },
                { ...who, "x-forwarded-for": `203.0.113.${100 + i}` }
              )
            ).status
          )
        // 8 a minute with CURATOR_RATE_LIMIT_WRITES=2
        expect(statuses.slice(0, 8)).toEqual(Array(8).fill(404))
        expect(statuses[8]).toBe(429)
      })

      it("queues indexing of a product without an indexed photo once, however often its similar products are asked for", async () => {
        const channelId = (
          await api.get("/admin/sales-channels?name=CuratorAI Web Store", admin)
        ).data.sales_channels[0].id
        const { data } = await api.post(
          "/admin/products",
          {
            title: "Unindexable",
            status: "published",
            images: [{ url: "http://127.0.0.1:9/nothing.jpg" }],
            thumbnail: "http://127.0.0.1:9/nothing.jpg",
            options: [{ title: "Size", values: ["M"] }],
            variants: [
              {
                title: "M",
                options: { Size: "M" },
                prices: [{ currency_code: "eur", amount: 10 }],
              },
            ],
            sales_channels: [{ id: channelId }],
          },
          admin
        )
        const id = data.product.id
        await new Promise((r) => setTimeout(r, 1500)) // the product.created subscriber's own attempt
        const indexImages = jest.spyOn(
          VisualSearchModuleService.prototype as any,
          "indexImages"
        )
        const syncIndex = jest.spyOn(
          VisualSearchModuleService.prototype as any,
          "syncIndex"
        )
        try {
          for (let i = 0; i < 4; i++) {
            const r = await get(
              `/store/products/${id}/similar?region_id=${regions.eur.id}`,
              freshShopper()
            )
            expect(r.status).toBe(404)
            expect(r.data.message).toMatch(
              new RegExp(`${id} has no indexed photo yet`)
            )
          }
          await new Promise((r) => setTimeout(r, 1500))
          const mine = indexImages.mock.calls.filter((c: any[]) =>
            c[0].some((i: any) => i.product_id === id)
          )
          expect(mine.length).toBe(1)
          expect(
            syncIndex.mock.calls.filter((c: any[]) => c[0]?.force)
          ).toEqual([])
        } finally {
          indexImages.mockRestore()
          syncIndex.mockRestore()
        }
      })
    })

    describe("messages (#19.9)", () => {
      it("answers 413 payload_too_large for an oversized photo and 415 unsupported_media_type for a non-image", async () => {
        const big = new FormData()
        big.append(
          "image",
          new Blob([new Uint8Array(11 * 1024 * 1024)], { type: "image/jpeg" }),
          "big.jpg"
        )
        const r = await raw(
          `/store/visual-search?region_id=${regions.eur.id}`,
          { method: "POST", body: big }
        )
        expect(r.status).toBe(413)
        expect(await r.json()).toEqual({
          type: "payload_too_large",
          message: expect.stringMatching(/10 MB/),
        })
        const svg = new FormData()
        svg.append(
          "image",
          new Blob([Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")], {
            type: "image/jpeg",
          }),
          "x.jpg"
        )
        const s = await raw(
          `/store/visual-search?region_id=${regions.eur.id}`,
          { method: "POST", body: svg }
        )
        expect(s.status).toBe(415)
        expect((await s.json()).type).toBe("unsupported_media_type")
      })

      it("names product_id when it has the wrong type", async () => {
        const r = await raw(
          `/store/visual-search?region_id=${regions.eur.id}`,
          {
            method: "POST",
            body: JSON.stringify({ product_id: 5 }),
            headers: { "content-type": "application/json" },
          }
        )
        expect(r.status).toBe(400)
        const body = await r.json()
        expect(body.type).toBe("invalid_data")
        expect(body.message).toMatch(/product_id: product_id must be a string/)
      })

      it("keeps Server-Timing to development", async () => {
        const form = new FormData()
        const jpeg = await sharp({
          create: { width: 32, height: 32, channels: 3, background: "#3050a0" },
        })
          .jpeg()
          .toBuffer()
        form.append(
          "image",
          new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }),
          "q.jpg"
        )
        const r = await raw(
          `/store/visual-search?region_id=${regions.eur.id}`,
          { method: "POST", body: form }
        )
        expect(r.status).toBe(200)
        expect(r.headers.get("server-timing")).toBeNull()
      })
    })
  },
})
