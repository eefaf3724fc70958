import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { reorderLooksWorkflow } from "../../../../../workflows/lookbook/reorder-looks"
import { adminLookbook } from "../../../../../lib/lookbook/admin-lookbooks"
import type { AdminReorderLooksType } from "../../validators"

/** POST /admin/lookbooks/:id/reorder — `{ look_ids }` in their new order. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminReorderLooksType>,
  res: MedusaResponse
) => {
  await adminLookbook(req.scope, req.params.id)
  await reorderLooksWorkflow(req.scope).run({
    input: { lookbook_id: req.params.id, look_ids: req.validatedBody.look_ids },
  })
  res.json({ lookbook: await adminLookbook(req.scope, req.params.id) })
}
