import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  fileReport,
  socialOf,
  visiblePost,
  writerProfile,
} from "../../../helpers"
import type { StoreReportType } from "../../../validators"

/**
 * POST /store/feed/comments/:id/report `{ reason }` — once per shopper; the
 * comment must be one the reporter can read (visible, on a post they may see),
 * else 404. Counted in the moderation queue.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreReportType>,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const [c] = (await socialOf(req).listSocialComments({
    id: req.params.id,
    status: "visible",
  } as any)) as any[]
  if (!c)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Comment ${req.params.id} was not found.`
    )
  await visiblePost(req, c.post_id)
  if (c.customer_id === req.auth_context.actor_id)
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Comment ${c.id} is your own: delete it instead of reporting it.`
    )
  await fileReport(req, res, "comment", c.id)
}
