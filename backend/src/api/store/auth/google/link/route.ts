import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { linkGoogleIdentity } from "../../../../../lib/customer-auth/link-google-identity"

/**
 * POST /store/auth/google/link — with the token of a Google sign-in: link it to
 * the customer account of the same (Google-verified) email, or create one.
 * The caller then refreshes its token (POST /auth/token/refresh) to get one
 * that names the customer.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const result = await linkGoogleIdentity(
    req.scope,
    req.auth_context.auth_identity_id
  )
  res.json(result)
}
