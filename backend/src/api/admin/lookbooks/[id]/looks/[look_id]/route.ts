import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { saveLookWorkflow } from "../../../../../../workflows/lookbook/save-look"
import { deleteLookWorkflow } from "../../../../../../workflows/lookbook/delete-look"
import { adminLookbook } from "../../../../../../lib/lookbook/admin-lookbooks"
import type { AdminUpdateLookType } from "../../../validators"

/** POST /admin/lookbooks/:id/looks/:look_id — rename, change the image, and/or replace the hotspots. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateLookType>,
  res: MedusaResponse
) => {
  await saveLookWorkflow(req.scope).run({
    input: {
      lookbook_id: req.params.id,
      look_id: req.params.look_id,
      ...req.validatedBody,
    },
  })
  res.json({ lookbook: await adminLookbook(req.scope, req.params.id) })
}

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await deleteLookWorkflow(req.scope).run({
    input: { lookbook_id: req.params.id, look_id: req.params.look_id },
  })
  res.json({ id: req.params.look_id, object: "look", deleted: true })
}
