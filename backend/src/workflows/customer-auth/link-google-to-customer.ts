import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { linkAuthIdentityStep } from "./steps/link-auth-identity"
import { removePasswordsStep } from "./steps/remove-passwords"

type Input = { auth_identity_id: string; customer_id: string; email: string }

/**
 * Hands an existing customer account to the Google sign-in of the same
 * (Google-verified) email, and removes the account's password.
 *
 * Why the password goes: the store never verified the email an email/password
 * account was opened with, so anyone could have opened it with someone else's
 * address and waited for the owner to sign in with Google ("pre-account
 * hijacking"); kept, that password would open the owner's account. The tokens
 * it issued stop working too (see `dropRevokedSignIns`). The owner can add a
 * password again only through a verified channel.
 */
export const linkGoogleToCustomerWorkflow = createWorkflow(
  "link-google-to-customer",
  (input: Input) => {
    linkAuthIdentityStep(input)
    const removed = removePasswordsStep(input)
    return new WorkflowResponse(removed)
  }
)
