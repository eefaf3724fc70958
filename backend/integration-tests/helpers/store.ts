import { createUsersWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import seed from "../../src/scripts/seed"
import { PUBLISHABLE_KEY_TITLE } from "../../src/scripts/seed/setup"

export const ADMIN = {
  email: "admin@test.local",
  password: "correct-horse-battery",
}

/** Seeds the first `count` demo products with the real seed script. */
export async function seedDemo(container: MedusaContainer, count: number) {
  await seed({ container, args: [String(count)] } as any)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["token"],
    filters: { type: "publishable", title: PUBLISHABLE_KEY_TITLE },
  })
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "name", "currency_code"],
  })
  return {
    pk: keys[0].token as string,
    regions: Object.fromEntries(
      regions.map((r: any) => [r.currency_code, r])
    ) as Record<
      "eur" | "usd",
      { id: string; name: string; currency_code: string }
    >,
  }
}

/** Creates an admin user the way `medusa user` does: a user plus an emailpass identity. */
export async function createAdmin(container: MedusaContainer) {
  const { result } = await createUsersWorkflow(container).run({
    input: { users: [{ email: ADMIN.email }] },
  })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: ADMIN,
  } as any)
  if (error || !authIdentity)
    throw new Error(`could not register the test admin: ${error}`)
  await auth.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: result[0].id },
  })
}
