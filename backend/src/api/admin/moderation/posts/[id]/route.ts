import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { moderatePostWorkflow } from "../../../../../workflows/social/moderate"

/** POST /admin/moderation/posts/:id `{ action: hide|restore|approve|delete, note? }` — acts, closes the reports, records the audit row. */
export const POST = async (
  req: AuthenticatedMedusaRequest<{
    action: "hide" | "restore" | "approve" | "delete"
    note?: string
  }>,
  res: MedusaResponse
) => {
  const { result } = await moderatePostWorkflow(req.scope).run({
    input: {
      post_id: req.params.id,
      user_id: req.auth_context.actor_id,
      ...req.validatedBody,
    },
  })
  res.json({ post: result })
}
