import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { updateLookbookWorkflow } from "../../../../workflows/lookbook/update-lookbook"
import { deleteLookbookWorkflow } from "../../../../workflows/lookbook/delete-lookbook"
import { adminLookbook } from "../../../../lib/lookbook/admin-lookbooks"
import type { AdminUpdateLookbookType } from "../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  res.json({ lookbook: await adminLookbook(req.scope, req.params.id) })
}

/** POST /admin/lookbooks/:id — update fields, publish/unpublish, change channels. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateLookbookType>,
  res: MedusaResponse
) => {
  await adminLookbook(req.scope, req.params.id)
  await updateLookbookWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id },
  })
  res.json({ lookbook: await adminLookbook(req.scope, req.params.id) })
}

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await adminLookbook(req.scope, req.params.id)
  await deleteLookbookWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "lookbook", deleted: true })
}
