import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { notify, socialOf, visiblePost, writerProfile } from "../../../helpers"
import { emitReacted } from "../../../../../../lib/social/events"

/** POST /store/feed/posts/:id/like — idempotent: a second like changes nothing. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const post = await visiblePost(req, req.params.id)
  const created = await socialOf(req).addReaction(
    "like",
    post.id,
    req.auth_context.actor_id
  )
  if (created)
    await emitReacted(req.scope, {
      customer_id: req.auth_context.actor_id,
      post_id: post.id,
      kind: "like",
    })
  if (created)
    await notify(req, {
      recipient_id: post.customer_id,
      type: "like",
      actor_id: req.auth_context.actor_id,
      post_id: post.id,
    })
  const [after] = (await socialOf(req).listSocialPosts({
    id: post.id,
  })) as any[]
  res.json({
    post_id: post.id,
    liked_by_me: true,
    likes_count: after.likes_count,
  })
}

/** DELETE /store/feed/posts/:id/like — idempotent too. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const post = await visiblePost(req, req.params.id)
  await socialOf(req).removeReaction("like", post.id, req.auth_context.actor_id)
  const [after] = (await socialOf(req).listSocialPosts({
    id: post.id,
  })) as any[]
  res.json({
    post_id: post.id,
    liked_by_me: false,
    likes_count: after.likes_count,
  })
}
