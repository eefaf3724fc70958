import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { LOOKBOOK_MODULE } from "../../../../../modules/lookbook"
import type LookbookModuleService from "../../../../../modules/lookbook/service"
import { adminLookbook } from "../../../../../lib/lookbook/admin-lookbooks"

/** GET /admin/lookbooks/:id/analytics — views, hotspot opens, adds to cart and conversion per look. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await adminLookbook(req.scope, req.params.id)
  const looks = await req.scope
    .resolve<LookbookModuleService>(LOOKBOOK_MODULE)
    .lookStats(req.params.id)
  res.json({ lookbook_id: req.params.id, looks })
}
