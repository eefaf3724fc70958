import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { suggestTags } from "../../../../../../lib/social/visual"
import { ownPost, socialOf, viewerOf } from "../../../helpers"

/**
 * GET /store/feed/posts/:id/tag-suggestions?limit= — for the author only
 * (another shopper's post answers 404): for each photo of the post that has
 * no tag yet, the purchasable products visual search finds in it, for the
 * author to confirm with POST /store/feed/posts/:id/tags.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const post = await ownPost(req, req.params.id)
  const { limit } = req.validatedQuery as unknown as { limit: number }
  const social = socialOf(req)
  const [images, tags] = (await Promise.all([
    social.listSocialPostImages(
      { post_id: post.id },
      { order: { position: "ASC" } }
    ),
    social.listSocialPostTags({ post_id: post.id }, { take: null as any }),
  ])) as any[][]
  const tagged = new Set(tags.map((t) => t.image))
  const viewer = await viewerOf(req)
  const suggestions: { image: number; products: unknown[] }[] = []
  for (const [i, image] of images.entries()) {
    if (tagged.has(i)) continue
    const products = await suggestTags(req.scope, image, viewer, limit)
    suggestions.push({
      image: i,
      products: products.map((p) => ({
        product: p.product,
        variants: p.variants,
        score: p.score,
      })),
    })
  }
  res.json({ post_id: post.id, suggestions })
}
