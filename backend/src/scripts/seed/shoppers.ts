import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { STYLE_PROFILE_MODULE } from "../../modules/style-profile"
import type StyleProfileModuleService from "../../modules/style-profile/service"
import { quizLooks } from "../../lib/style-profile/quiz-looks"
import { submitStyleQuizWorkflow } from "../../workflows/style-profile/submit-style-quiz"
import { upsertStyleProfileWorkflow } from "../../workflows/style-profile/upsert-style-profile"

export const DEMO_SHOPPER = {
  email: "demo@curatorai.local",
  password: "curatorai-demo",
  first_name: "Demo",
  last_name: "Shopper",
}

/**
 * The demo shopper (email/password login), found or created. Idempotent:
 * other seeds (the wardrobe's) call it to get the same customer.
 */
export async function ensureDemoShopper(
  container: MedusaContainer,
  log: (m: string) => void = () => {}
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: found } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "has_account"],
    filters: { email: DEMO_SHOPPER.email },
  })
  const account = found.find((c: any) => c.has_account) ?? found[0]
  if (account) return account as { id: string; email: string }
  const auth = container.resolve(Modules.AUTH)
  const [identity] = await auth.listAuthIdentities({
    provider_identities: {
      entity_id: DEMO_SHOPPER.email,
      provider: "emailpass",
    },
  } as any)
  let identityId = identity?.id
  if (!identityId) {
    const { authIdentity, error } = await auth.register("emailpass", {
      body: { email: DEMO_SHOPPER.email, password: DEMO_SHOPPER.password },
    } as any)
    if (error || !authIdentity)
      throw new Error(`seed: could not register the demo shopper: ${error}`)
    identityId = authIdentity.id
  }
  const { result } = await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId: identityId,
      customerData: {
        email: DEMO_SHOPPER.email,
        first_name: DEMO_SHOPPER.first_name,
        last_name: DEMO_SHOPPER.last_name,
      },
    },
  })
  log(
    `created the demo shopper ${DEMO_SHOPPER.email} / ${DEMO_SHOPPER.password}`
  )
  return result as { id: string; email: string }
}

/** Gives the demo shopper a style profile and quiz likes, once (an existing profile is left as the shopper edited it). */
export async function ensureDemoStyleProfile(
  container: MedusaContainer,
  salesChannelId: string,
  log: (m: string) => void = () => {}
) {
  const customer = await ensureDemoShopper(container, log)
  const profiles =
    container.resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
  if (await profiles.profileOf(customer.id)) return customer
  const looks = await quizLooks(container, {
    salesChannelIds: [salesChannelId],
    gender: "Men",
    limit: 12,
  })
  await submitStyleQuizWorkflow(container).run({
    input: {
      customer_id: customer.id,
      sizes: { top: "M", bottom: "L", shoes: "42" },
      budget: { max_item: 80, min_item: null, by_family: { shoes: 120 } },
      gender: "Men",
      country_code: "de",
      picks: looks
        .filter((l) => l.style === "Casual" || l.style === "Sports")
        .slice(0, 4)
        .map((l) => l.product_id),
    },
  })
  await upsertStyleProfileWorkflow(container).run({
    input: {
      customer_id: customer.id,
      update: { colours: { disliked: ["Pink"] } },
    },
  })
  log("gave the demo shopper a style profile and quiz likes")
  return customer
}
