import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { moderateCommentWorkflow } from "../../../../../workflows/social/moderate"

/** POST /admin/moderation/comments/:id `{ action: hide|restore|delete, note? }` — acts, closes the reports, records the audit row. */
export const POST = async (
  req: AuthenticatedMedusaRequest<{
    action: "hide" | "restore" | "delete"
    note?: string
  }>,
  res: MedusaResponse
) => {
  const { result } = await moderateCommentWorkflow(req.scope).run({
    input: {
      comment_id: req.params.id,
      user_id: req.auth_context.actor_id,
      ...req.validatedBody,
    },
  })
  res.json({ comment: result })
}
