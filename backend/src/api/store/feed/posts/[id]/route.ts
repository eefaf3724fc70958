import type {
  AuthenticatedMedusaRequest,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import SocialModuleService from "../../../../../modules/social/service"
import { presentPosts } from "../../../../../lib/social/present"
import {
  ownPost,
  socialOf,
  viewerOf,
  visiblePost,
  writerProfile,
} from "../../helpers"
import type { StoreUpdatePostType } from "../../validators"

/** GET /store/feed/posts/:id — the post, if this viewer may see it (else 404). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await visiblePost(req, req.params.id)
  const [post] = await presentPosts(
    req.scope,
    [req.params.id],
    await viewerOf(req)
  )
  res.json({ post })
}

/** POST /store/feed/posts/:id — the author edits caption, visibility, occasion or season. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreUpdatePostType>,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const post = await ownPost(req, req.params.id)
  const body = req.validatedBody
  await socialOf(req).updateSocialPosts({
    id: post.id,
    ...body,
    ...(body.caption !== undefined
      ? { hashtags: SocialModuleService.parseHashtags(body.caption) }
      : {}),
  } as any)
  const [out] = await presentPosts(req.scope, [post.id], await viewerOf(req))
  res.json({ post: out })
}

/** DELETE /store/feed/posts/:id — the author deletes their post (gone from every feed). */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const post = await ownPost(req, req.params.id)
  await socialOf(req).updateSocialPosts({
    id: post.id,
    status: "deleted",
  } as any)
  res.json({ id: post.id, object: "post", deleted: true })
}
