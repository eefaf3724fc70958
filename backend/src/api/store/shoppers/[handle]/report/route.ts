import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { socialOf, writerProfile } from "../../../feed/helpers"
import type { StoreReportType } from "../../../feed/validators"
import { profileByHandle } from "../route"

/** POST /store/shoppers/:handle/report `{ reason }` — once per shopper; counted in the moderation queue. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreReportType>,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const p = await profileByHandle(req)
  if (p.customer_id === req.auth_context.actor_id)
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `@${p.handle} is your own profile.`
    )
  const { created } = await socialOf(req).report(
    "profile",
    p.id,
    req.auth_context.actor_id,
    req.validatedBody.reason
  )
  res
    .status(created ? 201 : 200)
    .json({ reported: true, target_type: "profile", target_id: p.id })
}
