import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { fileReport, visiblePost } from "../../../helpers"
import type { StoreReportType } from "../../../validators"

/** POST /store/feed/posts/:id/report `{ reason }` — once per shopper; N distinct reports hide the post pending review. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreReportType>,
  res: MedusaResponse
) => {
  const post = await visiblePost(req, req.params.id)
  await fileReport(req, res, "post", post.id)
}
