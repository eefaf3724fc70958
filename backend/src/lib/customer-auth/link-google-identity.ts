import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { linkGoogleToCustomerWorkflow } from "../../workflows/customer-auth/link-google-to-customer"

export type LinkResult = {
  customer_id: string
  outcome: "linked" | "created"
  /** the account's email/password sign-in was removed (see linkGoogleToCustomerWorkflow) */
  password_removed?: boolean
}

/**
 * After a first Sign in with Google, the Google auth identity belongs to no
 * customer yet (its token has no actor_id). If a customer account with the
 * same email exists (an email/password shopper), the identity is linked to
 * it and the account's password is removed (it never proved the email);
 * otherwise a customer is created from the Google profile.
 *
 * The trap (medusajs/medusa#14637): linking "by email" is only safe when the
 * email is one the provider verified. Only a *google* provider identity is
 * accepted here (Medusa's Google provider refuses tokens whose
 * `email_verified` is false); any other identity without an actor — say an
 * emailpass registration token for someone else's address — would otherwise
 * take over that person's account.
 */
export async function linkGoogleIdentity(
  container: MedusaContainer,
  authIdentityId: string
): Promise<LinkResult> {
  const auth = container.resolve(Modules.AUTH)
  const [identity] = await auth.listAuthIdentities(
    { id: [authIdentityId] },
    { relations: ["provider_identities"] }
  )
  if (!identity)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Auth identity ${authIdentityId} was not found`
    )
  const existingActor = (
    identity.app_metadata as Record<string, unknown> | null
  )?.customer_id
  if (existingActor)
    return { customer_id: String(existingActor), outcome: "linked" }
  const google = (identity.provider_identities ?? []).find(
    (p) => p.provider === "google"
  )
  if (!google)
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Only a Google sign-in can be linked to an existing account"
    )
  const profile = (google.user_metadata ?? {}) as {
    email?: string
    given_name?: string
    family_name?: string
  }
  const email = profile.email?.trim().toLowerCase()
  if (!email)
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "The Google account has no email address"
    )

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "has_account"],
    filters: { email, has_account: true },
  })
  if (customers[0]) {
    const { result: removed } = await linkGoogleToCustomerWorkflow(
      container
    ).run({
      input: {
        auth_identity_id: identity.id,
        customer_id: customers[0].id,
        email,
      },
    })
    return {
      customer_id: customers[0].id,
      outcome: "linked",
      password_removed: removed > 0,
    }
  }
  const { result } = await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId: identity.id,
      customerData: {
        email,
        first_name: profile.given_name ?? "",
        last_name: profile.family_name ?? "",
      },
    },
  })
  return { customer_id: result.id, outcome: "created" }
}
