import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { saveLookWorkflow } from "../../../../../workflows/lookbook/save-look"
import { adminLookbook } from "../../../../../lib/lookbook/admin-lookbooks"
import type { AdminSaveLookType } from "../../validators"

/** POST /admin/lookbooks/:id/looks — add a look (image uploaded via /admin/uploads) with its hotspots. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSaveLookType>,
  res: MedusaResponse
) => {
  await adminLookbook(req.scope, req.params.id)
  const { result } = await saveLookWorkflow(req.scope).run({
    input: { lookbook_id: req.params.id, ...req.validatedBody },
  })
  res.status(201).json({
    look_id: result.id,
    lookbook: await adminLookbook(req.scope, req.params.id),
  })
}
