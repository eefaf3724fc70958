import type {
  AuthenticatedMedusaRequest,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import SocialModuleService from "../../../../../modules/social/service"
import { presentPosts } from "../../../../../lib/social/present"
import { similarInStock } from "../../../../../lib/social/visual"
import {
  ownPost,
  socialOf,
  viewerOf,
  visiblePost,
  writerProfile,
} from "../../helpers"
import type { StoreUpdatePostType } from "../../validators"

/**
 * GET /store/feed/posts/:id — the post, if this viewer may see it (else 404).
 * A tagged product the viewer cannot buy here (no purchasable variant) comes
 * with `similar_in_stock`: look-alikes from visual search that they can.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await visiblePost(req, req.params.id)
  const viewer = await viewerOf(req)
  const [post] = await presentPosts(req.scope, [req.params.id], viewer)
  const similar = new Map<string, unknown[]>()
  for (const t of post.tags)
    if (!t.variants.length && !similar.has(t.product.id))
      similar.set(
        t.product.id,
        (await similarInStock(req.scope, t.product.id, viewer, 4)).map((p) => ({
          product: p.product,
          variants: p.variants,
        }))
      )
  res.json({
    post: {
      ...post,
      tags: post.tags.map((t) =>
        t.variants.length
          ? t
          : { ...t, similar_in_stock: similar.get(t.product.id) ?? [] }
      ),
    },
  })
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
