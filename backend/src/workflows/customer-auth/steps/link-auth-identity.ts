import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

type Input = { auth_identity_id: string; customer_id: string }

/** Names the customer in the auth identity's app_metadata; the compensation puts the old app_metadata back. */
export const linkAuthIdentityStep = createStep(
  "link-auth-identity",
  async (input: Input, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id)
    const before = identity.app_metadata ?? {}
    await auth.updateAuthIdentities({
      id: identity.id,
      app_metadata: { ...before, customer_id: input.customer_id },
    })
    return new StepResponse(undefined, { id: identity.id, before })
  },
  async (undo, { container }) => {
    if (!undo) return
    // app_metadata is replaced whole; the key is named so that no merge can keep the link
    await container.resolve(Modules.AUTH).updateAuthIdentities({
      id: undo.id,
      app_metadata: {
        ...undo.before,
        customer_id: undo.before.customer_id ?? null,
      },
    })
  }
)
