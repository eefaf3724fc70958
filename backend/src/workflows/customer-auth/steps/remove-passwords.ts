import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

type Input = { customer_id: string; email: string }

/**
 * Deletes the email/password sign-ins of a customer account (the auth
 * identities whose emailpass entity is the email and whose app_metadata names
 * the customer). Returns how many went. It is the workflow's last step, so it
 * has nothing to compensate: once it has run, nothing after it can fail.
 */
export const removePasswordsStep = createStep(
  "remove-customer-passwords",
  async (input: Input, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const providers = await auth.listProviderIdentities({
      provider: "emailpass",
      entity_id: input.email,
    })
    const ids = [...new Set(providers.map((p) => p.auth_identity_id))].filter(
      Boolean
    ) as string[]
    if (!ids.length) return new StepResponse(0)
    const identities = await auth.listAuthIdentities({ id: ids })
    const owned = identities
      .filter(
        (i) =>
          (i.app_metadata as Record<string, unknown> | null)?.customer_id ===
          input.customer_id
      )
      .map((i) => i.id)
    if (owned.length) await auth.deleteAuthIdentities(owned)
    return new StepResponse(owned.length)
  }
)
