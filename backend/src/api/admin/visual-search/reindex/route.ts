import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { startReindex } from "../../../../lib/visual-search/reindex"
import type { AdminReindexType } from "../validators"

/** POST /admin/visual-search/reindex — (re)index all products or the given ids in the background; 202 with progress. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminReindexType>,
  res: MedusaResponse
) => {
  const { started, progress } = startReindex(
    req.scope,
    req.validatedBody.product_ids
  )
  res.status(started ? 202 : 409).json({
    started,
    progress,
    message: started ? "Reindex started" : "A reindex is already running",
  })
}
