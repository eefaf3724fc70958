import type {
  AuthenticatedMedusaRequest,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import SocialModuleService from "../../../../../modules/social/service"
import { presentPosts } from "../../../../../lib/social/present"
import { similarInStock } from "../../../../../lib/social/visual"
import { shoppersSizes } from "../../../../../lib/social/back-in-stock"
import { sameSize } from "../../../../../lib/offers"
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
 * A tagged product the viewer cannot buy here (no purchasable variant, or
 * none in the size their style profile gives for its garment family) comes
 * with `similar_in_stock`: look-alikes from visual search that they can (in
 * that size).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await visiblePost(req, req.params.id)
  const viewer = await viewerOf(req)
  const [post] = await presentPosts(req.scope, [req.params.id], viewer)
  // a logged-in viewer's size for each tagged product (style profile, by garment family)
  const sizeOf = viewer.customer_id
    ? (
        await shoppersSizes(
          req.scope,
          post.tags.map((t) => ({
            product_id: t.product.id,
            customer_id: viewer.customer_id!,
          }))
        )
      ).sizeOf
    : () => null
  const sizes = new Map(
    post.tags.map((t) => [
      t.product.id,
      sizeOf({ product_id: t.product.id, customer_id: viewer.customer_id! }),
    ])
  )
  // "cannot buy": no purchasable variant here, or none in the viewer's size
  const unbuyable = (t: (typeof post.tags)[number]) => {
    const size = sizes.get(t.product.id)
    return size
      ? !t.variants.some((v: any) => sameSize(v.size, size))
      : !t.variants.length
  }
  const similar = new Map<string, unknown[]>()
  for (const t of post.tags)
    if (unbuyable(t) && !similar.has(t.product.id)) {
      const size = sizes.get(t.product.id)
      similar.set(
        t.product.id,
        (
          await similarInStock(
            req.scope,
            t.product.id,
            { ...viewer, ...(size ? { size } : {}) },
            4
          )
        ).map((p) => ({ product: p.product, variants: p.variants }))
      )
    }
  res.json({
    post: {
      ...post,
      tags: post.tags.map((t) =>
        unbuyable(t)
          ? { ...t, similar_in_stock: similar.get(t.product.id) ?? [] }
          : t
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
