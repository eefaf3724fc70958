import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ADMIN, createAdmin, seedDemo } from "../helpers/store"
import { registerShopper } from "../helpers/shopper"
import { ensureDemoShopper } from "../../src/scripts/seed/shoppers"

process.env.CURATOR_EMBEDDER = "classic"
jest.setTimeout(300 * 1000)

const EMPTY = {
  sizes: {},
  budget: { max_item: null, min_item: null, by_family: {} },
  styles: [],
  colours: { liked: [], disliked: [] },
  brands: [],
  gender: null,
  country_code: null,
}
const fail = (p: Promise<any>) =>
  p.then(
    (r) => r,
    (e) => e.response
  )

medusaIntegrationTestRunner({
  env: { CURATOR_EMBEDDER: "classic" },
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regions: Awaited<ReturnType<typeof seedDemo>>["regions"]
    let ann: Awaited<ReturnType<typeof registerShopper>>
    let bob: Awaited<ReturnType<typeof registerShopper>>
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      ;({ pk, regions } = await seedDemo(getContainer(), 30))
      ann = await registerShopper(api, pk, "ann@test.local")
      bob = await registerShopper(api, pk, "bob@test.local")
      await createAdmin(getContainer())
      admin = {
        headers: {
          authorization: `Bearer ${(await api.post("/auth/user/emailpass", ADMIN)).data.token}`,
        },
      }
    })

    const get = (who = ann) =>
      api.get("/store/customers/me/style-profile", { headers: who.headers })
    const post = (body: unknown, who = ann) =>
      fail(
        api.post("/store/customers/me/style-profile", body, {
          headers: who.headers,
        })
      )

    // the database is restored to its state after beforeAll before every test
    const FULL = {
      sizes: { top: "M", bottom: "L", dress: "M", shoes: "42" },
      budget: { max_item: 60, min_item: null, by_family: { shoes: 120 } },
      styles: ["Casual"],
      colours: { liked: ["Navy Blue"], disliked: ["Pink"] },
      brands: [],
      gender: "Men",
      country_code: "de",
    }
    const saveFull = async (who = ann) =>
      expect((await post(FULL, who)).status).toBe(200)

    describe("GET/POST /store/customers/me/style-profile", () => {
      it("answers a shopper without a profile with the empty profile, not 404", async () => {
        const { status, data } = await get(bob)
        expect(status).toBe(200)
        expect(data).toEqual({ style_profile: EMPTY })
      })

      it("refuses a visitor without a customer token with 401", async () => {
        expect(
          (
            await fail(
              api.get("/store/customers/me/style-profile", {
                headers: { "x-publishable-api-key": pk },
              })
            )
          ).status
        ).toBe(401)
        expect(
          (
            await fail(
              api.post(
                "/store/customers/me/style-profile",
                { styles: ["Casual"] },
                { headers: { "x-publishable-api-key": pk } }
              )
            )
          ).status
        ).toBe(401)
      })

      it("saves the full profile in the documented shape", async () => {
        const body = FULL
        const res = await post(body)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ style_profile: body })
        expect((await get()).data).toEqual({ style_profile: body })
      })

      it("merges a partial update: sizes and per-family budgets key by key, lists replaced, null clears", async () => {
        await saveFull()
        const res = await post({
          sizes: { top: "L", dress: null },
          budget: { by_family: { top: 40 } },
          styles: ["Formal", "Sports"],
          colours: { liked: ["Pink"] },
          brands: ["Acme"],
        })
        expect(res.status).toBe(200)
        expect(res.data.style_profile).toEqual({
          sizes: { top: "L", bottom: "L", shoes: "42" },
          budget: {
            max_item: 60,
            min_item: null,
            by_family: { shoes: 120, top: 40 },
          },
          styles: ["Formal", "Sports"],
          colours: { liked: ["Pink"], disliked: [] },
          brands: ["Acme"],
          gender: "Men",
          country_code: "de",
        })
      })

      it.each([
        [
          "an unknown size for a family",
          { sizes: { top: "XXXL" } },
          "sizes.top",
        ],
        ["a shoe size for tops", { sizes: { top: "42" } }, "sizes.top"],
        [
          "a size for accessories, which are one size",
          { sizes: { accessories: "M" } },
          "accessories",
        ],
        ["a negative budget", { budget: { max_item: -5 } }, "budget.max_item"],
        [
          "a negative per-family budget",
          { budget: { by_family: { shoes: -1 } } },
          "budget.by_family.shoes",
        ],
        [
          "a minimum over the maximum",
          { budget: { max_item: 50, min_item: 80 } },
          "budget.min_item",
        ],
        [
          "an unknown colour",
          { colours: { liked: ["Octarine"] } },
          "colours.liked",
        ],
        [
          "a colour both liked and disliked",
          { colours: { liked: ["Red"], disliked: ["Red"] } },
          "colours.disliked",
        ],
        ["an unknown style", { styles: ["Steampunk"] }, "styles"],
        ["an unknown gender", { gender: "Robots" }, "gender"],
        ["an unknown country", { country_code: "zz" }, "country_code"],
        ["a country no region serves", { country_code: "jp" }, "country_code"],
        ["an unknown field", { shoe_size: 42 }, "shoe_size"],
      ])(
        "refuses %s with a 400 naming the field, and changes nothing",
        async (_what, body, field) => {
          await saveFull()
          const before = (await get()).data
          const res = await post(body)
          expect(res.status).toBe(400)
          expect(res.data.message).toContain(field)
          expect((await get()).data).toEqual(before)
        }
      )

      it("refuses a minimum above the stored maximum (400), though the body alone is consistent", async () => {
        await saveFull()
        const res = await post({ budget: { min_item: 61 } }) // stored max_item is 60
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("budget.min_item")
        expect((await get()).data.style_profile.budget.min_item).toBeNull()
      })

      it("keeps each shopper's profile to themselves: the customer id comes from the token only", async () => {
        // bob cannot point the write at ann's profile: the body has no customer field, and unknown fields are refused
        await saveFull(ann)
        expect(
          (
            await post(
              { customer_id: ann.customer.id, styles: ["Ethnic"] },
              bob
            )
          ).status
        ).toBe(400)
        await post({ styles: ["Ethnic"], sizes: { top: "S" } }, bob)
        expect((await get(bob)).data.style_profile).toMatchObject({
          styles: ["Ethnic"],
          sizes: { top: "S" },
        })
        expect((await get(ann)).data.style_profile).toEqual(FULL)
      })
    })

    describe("the style quiz", () => {
      it("offers looks spanning several styles and colours, the same each time, buyable in the region", async () => {
        const store = { headers: { "x-publishable-api-key": pk } }
        const { data } = await api.get(
          `/store/style-quiz?region_id=${regions.eur.id}`,
          store
        )
        expect(data.looks.length).toBe(12)
        expect(
          new Set(data.looks.map((l: any) => l.style)).size
        ).toBeGreaterThanOrEqual(3)
        expect(
          new Set(data.looks.map((l: any) => l.colour)).size
        ).toBeGreaterThanOrEqual(8)
        for (const l of data.looks)
          expect(l).toEqual(
            expect.objectContaining({
              product_id: expect.any(String),
              thumbnail: expect.stringMatching(/^http/),
            })
          )
        expect(
          (
            await api.get(
              `/store/style-quiz?region_id=${regions.eur.id}`,
              store
            )
          ).data
        ).toEqual(data)
        // every look can be bought in the region: a priced variant in stock where it ships from
        for (const l of data.looks) {
          const { data: av } = await api.get(
            `/store/products/${l.product_id}/availability?region_id=${regions.eur.id}`,
            store
          )
          expect(JSON.stringify(av)).toMatch(/"in_stock":true/)
        }
      })

      it("narrows the looks to a gender focus (and unisex) and refuses an unknown region with 404", async () => {
        const store = { headers: { "x-publishable-api-key": pk } }
        const { data } = await api.get(
          "/store/style-quiz?gender=Women&limit=8",
          store
        )
        expect(data.looks.length).toBeGreaterThan(0)
        for (const l of data.looks)
          expect(["Women", "Unisex"]).toContain(l.gender)
        const res = await fail(
          api.get("/store/style-quiz?region_id=reg_nope", store)
        )
        expect(res.status).toBe(404)
        expect(res.data.message).toContain("reg_nope")
      })

      it("saves sizes and budget, adds the picks' styles and colours to the liked ones and stores the picks as likes", async () => {
        const carl = await registerShopper(api, pk, "carl@test.local")
        await api.post(
          "/store/customers/me/style-profile",
          { colours: { disliked: ["Black"] } },
          { headers: carl.headers }
        )
        const { data: quiz } = await api.get("/store/style-quiz?limit=12", {
          headers: { "x-publishable-api-key": pk },
        })
        const picks = quiz.looks.slice(0, 4)
        const res = await fail(
          api.post(
            "/store/customers/me/style-profile/quiz",
            {
              sizes: { top: "M", shoes: "43" },
              budget: { max_item: 80 },
              picks: picks.map((l: any) => l.product_id),
            },
            { headers: carl.headers }
          )
        )
        expect(res.status).toBe(200)
        const p = res.data.style_profile
        expect(p.sizes).toEqual({ top: "M", shoes: "43" })
        expect(p.budget.max_item).toBe(80)
        expect(p.styles.sort()).toEqual(
          [...new Set(picks.map((l: any) => l.style))].sort()
        )
        // a picked colour the shopper dislikes stays disliked
        const liked = [...new Set(picks.map((l: any) => l.colour))].filter(
          (c) => c !== "Black"
        )
        expect(p.colours.liked.sort()).toEqual(liked.sort())
        expect(p.colours.disliked).toEqual(["Black"])
        const { data: likes } = await api.get(
          "/store/customers/me/style-profile/likes",
          { headers: carl.headers }
        )
        expect(
          likes.likes.map((l: any) => `${l.product_id}:${l.source}`).sort()
        ).toEqual(picks.map((l: any) => `${l.product_id}:quiz`).sort())
        // nobody else got them
        expect(
          (
            await api.get("/store/customers/me/style-profile/likes", {
              headers: bob.headers,
            })
          ).data.likes
        ).toEqual([])
      })

      it("refuses picks that are not products with a 400 naming them, and saves nothing", async () => {
        const dan = await registerShopper(api, pk, "dan@test.local")
        const res = await fail(
          api.post(
            "/store/customers/me/style-profile/quiz",
            { sizes: { top: "S" }, picks: ["prod_nope"] },
            { headers: dan.headers }
          )
        )
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("prod_nope")
        expect((await get(dan)).data).toEqual({ style_profile: EMPTY })
        expect(
          (
            await api.get("/store/customers/me/style-profile/likes", {
              headers: dan.headers,
            })
          ).data.likes
        ).toEqual([])
      })
    })

    describe("seed", () => {
      it("seeds a demo shopper who signs in with the documented password and has a profile and quiz likes, once", async () => {
        const login = await api.post("/auth/customer/emailpass", {
          email: "demo@curatorai.local",
          password: "curatorai-demo",
        })
        const headers = {
          authorization: `Bearer ${login.data.token}`,
          "x-publishable-api-key": pk,
        }
        const { data } = await api.get("/store/customers/me/style-profile", {
          headers,
        })
        expect(data.style_profile).toMatchObject({
          sizes: { top: "M", bottom: "L", shoes: "42" },
          gender: "Men",
          country_code: "de",
          colours: { disliked: ["Pink"] },
        })
        expect(data.style_profile.styles.length).toBeGreaterThan(0)
        const likes = (
          await api.get("/store/customers/me/style-profile/likes", { headers })
        ).data.likes
        expect(likes.length).toBe(4)
        const again = await ensureDemoShopper(getContainer())
        expect(again.id).toBe(
          (await api.get("/store/customers/me", { headers })).data.customer.id
        )
      })
    })

    describe("admin", () => {
      it("shows a customer's profile, likes and wardrobe size to an admin, 404 for an unknown customer, 401 without an admin", async () => {
        await saveFull(ann)
        const { data } = await api.get(
          `/admin/customers/${ann.customer.id}/style-profile`,
          admin
        )
        expect(data.has_profile).toBe(true)
        expect(data.style_profile).toEqual(FULL)
        // the widget also shows the wardrobe's size: an empty wardrobe here
        expect(data.wardrobe).toEqual({ items: 0, wears: 0, value: {} })
        expect(
          (
            await api.get(
              `/admin/customers/${bob.customer.id}/style-profile`,
              admin
            )
          ).data
        ).toMatchObject({ has_profile: false, style_profile: EMPTY })
        const missing = await fail(
          api.get("/admin/customers/cus_nope/style-profile", admin)
        )
        expect(missing.status).toBe(404)
        expect(missing.data.message).toContain("cus_nope")
        expect(
          (
            await fail(
              api.get(`/admin/customers/${ann.customer.id}/style-profile`, {
                headers: ann.headers,
              })
            )
          ).status
        ).toBe(401)
      })
    })
  },
})
