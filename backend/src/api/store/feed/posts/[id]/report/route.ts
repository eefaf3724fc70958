import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { socialOf, visiblePost } from "../../../helpers"
import type { StoreReportType } from "../../../validators"

/** POST /store/feed/posts/:id/report `{ reason }` — once per shopper; N distinct reports hide the post pending review. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreReportType>,
  res: MedusaResponse
) => {
  const post = await visiblePost(req, req.params.id)
  const { created } = await socialOf(req).report(
    "post",
    post.id,
    req.auth_context.actor_id,
    req.validatedBody.reason
  )
  res
    .status(created ? 201 : 200)
    .json({ reported: true, target_type: "post", target_id: post.id })
}
