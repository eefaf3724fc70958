import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { socialOf, writerProfile } from "../../helpers"

async function ownComment(req: AuthenticatedMedusaRequest) {
  const [c] = (await socialOf(req).listSocialComments({
    id: req.params.id,
    customer_id: req.auth_context.actor_id,
    status: "visible",
  } as any)) as any[]
  if (!c)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Comment ${req.params.id} was not found among your comments.`
    )
  return c
}

/** POST /store/feed/comments/:id `{ text }` — the author edits their comment. */
export const POST = async (
  req: AuthenticatedMedusaRequest<{ text: string }>,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const c = await ownComment(req)
  const updated = await socialOf(req).updateSocialComments({
    id: c.id,
    text: req.validatedBody.text,
    edited_at: new Date(),
  } as any)
  res.json({
    comment: {
      id: updated.id,
      post_id: updated.post_id,
      parent_id: updated.parent_id,
      text: updated.text,
      edited_at: updated.edited_at,
      created_at: updated.created_at,
    },
  })
}

/** DELETE /store/feed/comments/:id — the author deletes it; replies stay. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const c = await ownComment(req)
  await socialOf(req).setCommentStatus(c.id, "deleted")
  res.json({ id: c.id, object: "comment", deleted: true })
}
