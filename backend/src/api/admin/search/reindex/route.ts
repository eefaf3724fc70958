import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { PRODUCT_SEARCH_INDEX } from "../../../../lib/search/documents"

/**
 * POST /admin/search/reindex — rebuilds the text search index in the
 * background (a new version, swapped in when complete; searches keep being
 * served meanwhile). For what no event tells the index about: price lists,
 * warehouses or regions reconfigured, a bulk import from another process.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { job_id, indexes } = await req.scope
    .resolve(Modules.SEARCH)
    .reindex({ index: PRODUCT_SEARCH_INDEX, strategy: "swap" })
  res.status(202).json({ job_id, indexes })
}
