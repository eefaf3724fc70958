import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { fileReport, writerProfile } from "../../../feed/helpers"
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
  await fileReport(req, res, "profile", p.id)
}
