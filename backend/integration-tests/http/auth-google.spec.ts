import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { seedDemo } from "../helpers/store"
import { registerShopper } from "../helpers/shopper"

jest.setTimeout(300 * 1000)

const GOOGLE = {
  GOOGLE_CLIENT_ID: "test-client-id.apps.googleusercontent.com",
  GOOGLE_CLIENT_SECRET: "test-client-secret",
  GOOGLE_CALLBACK_URL: "http://localhost:8000/auth/google/callback",
}
Object.assign(process.env, GOOGLE)
const fail = (p: Promise<any>) =>
  p.then(
    (r) => r,
    (e) => e.response
  )

medusaIntegrationTestRunner({
  env: GOOGLE,
  testSuite: ({ api, getContainer }) => {
    let pk: string

    beforeAll(async () => {
      ;({ pk } = await seedDemo(getContainer(), 1))
    })
    afterAll(() => {
      for (const k of Object.keys(GOOGLE)) delete process.env[k]
    })

    /** What Medusa's Google provider leaves after a first sign-in: an identity owned by no customer, and its token. */
    async function googleSignIn(
      email: string,
      sub = `sub-${Math.random().toString(36).slice(2)}`
    ) {
      const auth = getContainer().resolve(Modules.AUTH)
      const [identity] = await auth.createAuthIdentities([
        {
          provider_identities: [
            {
              provider: "google",
              entity_id: sub,
              user_metadata: {
                email,
                given_name: "Gina",
                family_name: "Google",
              },
            },
          ],
        },
      ] as any)
      return { identity, headers: tokenHeaders(identity.id) }
    }
    function tokenHeaders(authIdentityId: string, provider = "google") {
      const { jwtSecret } = getContainer().resolve(
        ContainerRegistrationKeys.CONFIG_MODULE
      ).projectConfig.http
      const token = jwt.sign(
        {
          actor_id: "",
          actor_type: "customer",
          auth_identity_id: authIdentityId,
          auth_provider: provider,
          app_metadata: {},
          user_metadata: {},
        },
        jwtSecret as string,
        { expiresIn: "1h" }
      )
      return { authorization: `Bearer ${token}`, "x-publishable-api-key": pk }
    }
    const link = async (headers: Record<string, string>) =>
      (await api.post("/store/auth/google/link", {}, { headers })).data
    const refreshed = async (headers: Record<string, string>) => {
      const { data } = await api.post("/auth/token/refresh", {}, { headers })
      return {
        authorization: `Bearer ${data.token}`,
        "x-publishable-api-key": pk,
      }
    }

    it("starts Sign in with Google with a redirect that carries the client id, the callback URL and a state", async () => {
      const { status, data } = await api.post("/auth/customer/google", {})
      expect(status).toBe(200)
      const url = new URL(data.location)
      expect(url.origin + url.pathname).toBe(
        "https://accounts.google.com/o/oauth2/v2/auth"
      )
      expect(url.searchParams.get("client_id")).toBe(GOOGLE.GOOGLE_CLIENT_ID)
      expect(url.searchParams.get("redirect_uri")).toBe(
        GOOGLE.GOOGLE_CALLBACK_URL
      )
      expect(url.searchParams.get("state")).toMatch(/^[0-9a-f]{64}$/)
      expect(url.searchParams.get("scope")).toContain("email")
    })

    it("keeps email/password sign-in working alongside Google", async () => {
      const shopper = await registerShopper(api, pk, "both@test.local")
      expect(shopper.customer.email).toBe("both@test.local")
    })

    it("rejects a callback whose state it did not issue with 401, before asking Google anything", async () => {
      const res = await fail(
        api.get(
          "/auth/customer/google/callback?code=some-code&state=forged-state"
        )
      )
      expect(res.status).toBe(401)
      expect(res.data.message).toMatch(/state/i)
      const noCode = await fail(
        api.get("/auth/customer/google/callback?state=forged-state")
      )
      expect(noCode.status).toBe(401)
    })

    it("links a first Google sign-in to the email/password customer with the same email", async () => {
      const existing = await registerShopper(
        api,
        pk,
        "Mia@Test.local".toLowerCase()
      )
      const { headers } = await googleSignIn("mia@test.local")
      // before linking, the Google token names no customer
      expect(
        (await fail(api.get("/store/customers/me", { headers }))).status
      ).toBe(401)
      const data = await link(headers)
      expect(data).toEqual({
        customer_id: existing.customer.id,
        outcome: "linked",
        password_removed: true,
      })
      const me = await api.get("/store/customers/me", {
        headers: await refreshed(headers),
      })
      expect(me.data.customer.id).toBe(existing.customer.id)
    })

    it("takes a pre-hijacked account back: the password someone opened it with stops working, and so do its tokens", async () => {
      // the attacker opens an account with the victim's address and keeps a token
      const attacker = await registerShopper(
        api,
        pk,
        "owner@test.local",
        "attacker-password-1"
      )
      await api.post(
        "/store/customers/me/addresses",
        { address_1: "Attacker Street 1", city: "X", country_code: "de" },
        { headers: attacker.headers }
      )
      // the owner of the address signs in with Google, and gets the account
      const { headers } = await googleSignIn("owner@test.local")
      const data = await link(headers)
      expect(data).toMatchObject({
        customer_id: attacker.customer.id,
        outcome: "linked",
        password_removed: true,
      })
      // the password no longer signs in
      const login = await fail(
        api.post("/auth/customer/emailpass", {
          email: "owner@test.local",
          password: "attacker-password-1",
        })
      )
      expect(login.status).toBe(401)
      // the token it issued no longer opens the account or refreshes
      expect(
        (
          await fail(
            api.get("/store/customers/me", { headers: attacker.headers })
          )
        ).status
      ).toBe(401)
      expect(
        (
          await fail(
            api.post("/auth/token/refresh", {}, { headers: attacker.headers })
          )
        ).status
      ).toBe(401)
      // ...but public routes still answer it, as a guest
      expect(
        (
          await api.get("/store/products?limit=1", {
            headers: attacker.headers,
          })
        ).status
      ).toBe(200)
      // registering the address again cannot reach the account
      const again = await api.post("/auth/customer/emailpass/register", {
        email: "owner@test.local",
        password: "attacker-password-2",
      })
      const claim = await fail(
        api.post(
          "/store/customers",
          { email: "owner@test.local" },
          {
            headers: {
              authorization: `Bearer ${again.data.token}`,
              "x-publishable-api-key": pk,
            },
          }
        )
      )
      expect(claim.status).toBeGreaterThanOrEqual(400)
      expect(claim.status).toBeLessThan(500)
      // the owner is in
      const me = await api.get("/store/customers/me", {
        headers: await refreshed(headers),
      })
      expect(me.data.customer.id).toBe(attacker.customer.id)
    })

    it("puts the Google identity back as it was when removing the password fails", async () => {
      const existing = await registerShopper(api, pk, "undo@test.local")
      const { identity, headers } = await googleSignIn("undo@test.local")
      const auth = getContainer().resolve(Modules.AUTH)
      const original = auth.deleteAuthIdentities.bind(auth)
      ;(auth as any).deleteAuthIdentities = async () => {
        throw new Error("database went away")
      }
      try {
        const res = await fail(
          api.post("/store/auth/google/link", {}, { headers })
        )
        expect(res.status).toBe(500)
      } finally {
        ;(auth as any).deleteAuthIdentities = original
      }
      const [after] = await auth.listAuthIdentities({ id: [identity.id] })
      expect(after.app_metadata?.customer_id ?? null).toBeNull()
      // the password still works: nothing was half done
      expect(
        (await api.get("/store/customers/me", { headers: existing.headers }))
          .data.customer.id
      ).toBe(existing.customer.id)
    })

    it("creates the customer from the Google profile on a first sign-in with a new email", async () => {
      const { headers } = await googleSignIn("new@test.local")
      const data = await link(headers)
      expect(data.outcome).toBe("created")
      const me = await api.get("/store/customers/me", {
        headers: await refreshed(headers),
      })
      expect(me.data.customer).toMatchObject({
        id: data.customer_id,
        email: "new@test.local",
        first_name: "Gina",
        last_name: "Google",
        has_account: true,
      })
    })

    it("refuses to link an identity that is not a Google one, even one that claims the customer's email", async () => {
      const victim = await registerShopper(api, pk, "victim@test.local")
      const auth = getContainer().resolve(Modules.AUTH)
      const [identity] = await auth.createAuthIdentities([
        {
          provider_identities: [
            {
              provider: "github",
              entity_id: "gh-123",
              user_metadata: { email: "victim@test.local" },
            },
          ],
        },
      ] as any)
      const res = await fail(
        api.post(
          "/store/auth/google/link",
          {},
          { headers: tokenHeaders(identity.id, "github") }
        )
      )
      expect(res.status).toBe(400)
      const [after] = await auth.listAuthIdentities({ id: [identity.id] })
      expect(after.app_metadata?.customer_id).toBeUndefined()
      expect(victim.customer.id).toBeTruthy()
    })

    it("refuses the link route without a token (401)", async () => {
      expect(
        (
          await fail(
            api.post(
              "/store/auth/google/link",
              {},
              { headers: { "x-publishable-api-key": pk } }
            )
          )
        ).status
      ).toBe(401)
    })
  },
})
