import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { socialOf, visiblePost, writerProfile } from "../../../helpers"
import { emitReacted } from "../../../../../../lib/social/events"

/** POST /store/feed/posts/:id/save — idempotent: a second save changes nothing. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const post = await visiblePost(req, req.params.id)
  const created = await socialOf(req).addReaction(
    "save",
    post.id,
    req.auth_context.actor_id
  )
  if (created)
    await emitReacted(req.scope, {
      customer_id: req.auth_context.actor_id,
      post_id: post.id,
      kind: "save",
    })
  const [after] = (await socialOf(req).listSocialPosts({
    id: post.id,
  })) as any[]
  res.json({
    post_id: post.id,
    saved_by_me: true,
    saves_count: after.saves_count,
  })
}

/** DELETE /store/feed/posts/:id/save — idempotent too. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const post = await visiblePost(req, req.params.id)
  await socialOf(req).removeReaction("save", post.id, req.auth_context.actor_id)
  const [after] = (await socialOf(req).listSocialPosts({
    id: post.id,
  })) as any[]
  res.json({
    post_id: post.id,
    saved_by_me: false,
    saves_count: after.saves_count,
  })
}
