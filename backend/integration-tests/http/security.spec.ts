import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemo } from "../helpers/store"
import { signClientAddress } from "../../src/lib/client-address"
import { DEV_FORWARD_SECRET } from "../../src/lib/env"

process.env.CURATOR_EMBEDDER = "classic"
jest.setTimeout(300 * 1000)

// low limits so a test reaches them quickly: visual search 3/min, similar 6/min, lookbook events 8/min
const env = { CURATOR_EMBEDDER: "classic", CURATOR_RATE_LIMIT_SEARCH: "3", CURATOR_RATE_LIMIT_WRITES: "2" }

medusaIntegrationTestRunner({
  env,
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let store: { headers: Record<string, string> }
    const send = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      api.post(path, body, { headers: { ...store.headers, ...headers } }).catch((e: any) => e.response)
    const get = (path: string, headers: Record<string, string> = {}) => api.get(path, { headers: { ...store.headers, ...headers } }).catch((e: any) => e.response)

    async function customerToken(email: string) {
      const password = "correct-horse-battery"
      const reg = await api.post("/auth/customer/emailpass/register", { email, password })
      await api.post("/store/customers", { email }, { headers: { ...store.headers, authorization: `Bearer ${reg.data.token}` } })
      return (await api.post("/auth/customer/emailpass", { email, password })).data.token as string
    }

    beforeAll(async () => {
      ;({ pk } = await seedDemo(getContainer(), 4))
      store = { headers: { "x-publishable-api-key": pk } }
    })

    describe("rate limits (#19.1)", () => {
      it("does not let a client bypass the limit by rotating X-Forwarded-For", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 5; i++) statuses.push((await send("/store/visual-search", {}, { "x-forwarded-for": `203.0.113.${i + 1}` })).status)
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
        expect(r.data).toEqual({ type: "too_many_requests", message: expect.stringMatching(/at most 3 a minute/) })
      })

      it("gives two logged-in customers separate buckets", async () => {
        const [a, b] = [await customerToken("rl-a@test.local"), await customerToken("rl-b@test.local")]
        const as: number[] = []
        for (let i = 0; i < 4; i++) as.push((await send("/store/visual-search", {}, { authorization: `Bearer ${a}` })).status)
        expect(as.slice(0, 3)).not.toContain(429)
        expect(as[3]).toBe(429)
        const r = await send("/store/visual-search", {}, { authorization: `Bearer ${b}` })
        expect(r.status).not.toBe(429)
        expect(r.headers["ratelimit-remaining"]).toBe("2")
      })

      it("gives two shoppers forwarded by the storefront (signed) separate buckets", async () => {
        const as = (ip: string) => ({ "x-curator-client-ip": ip, "x-curator-client-sig": signClientAddress(DEV_FORWARD_SECRET, ip) })
        const first: number[] = []
        for (let i = 0; i < 4; i++) first.push((await send("/store/visual-search", {}, as("198.51.100.10"))).status)
        expect(first.slice(0, 3)).not.toContain(429)
        expect(first[3]).toBe(429)
        expect((await send("/store/visual-search", {}, as("198.51.100.11"))).status).not.toBe(429)
      })

      it("ignores a forged signature: forged shopper addresses share the caller's bucket", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 8; i++) {
          const ip = `198.51.100.${50 + i}`
          statuses.push((await get(`/store/products/prod_none/similar?region_id=x`, { "x-curator-client-ip": ip, "x-curator-client-sig": signClientAddress("not-the-secret-not-the-secret", ip) })).status)
        }
        // similar allows 6 a minute per client
        expect(statuses.slice(0, 6)).not.toContain(429)
        expect(statuses.slice(6)).toEqual([429, 429])
      })
    })
  },
})
