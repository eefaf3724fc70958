import type {
  AuthenticatedMedusaRequest,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { notify, socialOf, visiblePost, writerProfile } from "../../../helpers"
import type { StoreCommentType } from "../../../validators"

/** Comments with their authors' handles; deleted ones keep their place (for replies) without text. */
export async function presentComments(req: MedusaRequest, postId: string) {
  const social = socialOf(req)
  const rows = (await social.listSocialComments(
    { post_id: postId, status: ["visible", "deleted"] } as any,
    { order: { created_at: "ASC" }, take: 500 }
  )) as any[]
  const profiles = (await social.listSocialProfiles({
    customer_id: [...new Set(rows.map((c) => c.customer_id))],
  })) as any[]
  const handles = new Map(profiles.map((p) => [p.customer_id, p.handle]))
  return rows.map((c) => ({
    id: c.id,
    post_id: c.post_id,
    parent_id: c.parent_id,
    author: { id: c.customer_id, handle: handles.get(c.customer_id) ?? null },
    text: c.status === "deleted" ? null : c.text,
    deleted: c.status === "deleted",
    edited_at: c.edited_at,
    created_at: c.created_at,
  }))
}

/** GET /store/feed/posts/:id/comments */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const post = await visiblePost(req, req.params.id)
  const comments = await presentComments(req, post.id)
  res.json({ comments, count: comments.length })
}

/** POST /store/feed/posts/:id/comments `{ text, parent_id? }` — replies go one level deep. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCommentType>,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const post = await visiblePost(req, req.params.id)
  const social = socialOf(req)
  const me = req.auth_context.actor_id
  let parent: any = null
  if (req.validatedBody.parent_id) {
    ;[parent] = (await social.listSocialComments({
      id: req.validatedBody.parent_id,
      post_id: post.id,
      status: "visible",
    } as any)) as any[]
    if (!parent)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Comment ${req.validatedBody.parent_id} was not found on post ${post.id}.`
      )
    if (parent.parent_id)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Comment ${parent.id} is a reply; replies go one level deep.`
      )
  }
  const id = await social.addComment({
    post_id: post.id,
    customer_id: me,
    text: req.validatedBody.text,
    parent_id: parent?.id ?? null,
  })
  await notify(req, {
    recipient_id: post.customer_id,
    type: "comment",
    actor_id: me,
    post_id: post.id,
  })
  if (parent && parent.customer_id !== post.customer_id)
    await notify(req, {
      recipient_id: parent.customer_id,
      type: "reply",
      actor_id: me,
      post_id: post.id,
    })
  const comment = (await presentComments(req, post.id)).find((c) => c.id === id)
  res.status(201).json({ comment })
}
