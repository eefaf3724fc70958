import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { SOCIAL_MODULE } from "../../../../modules/social"
import type SocialModuleService from "../../../../modules/social/service"
import { postCartStats } from "../../../../lib/social/cart-sources"

/**
 * GET /admin/social/overview?days=14 — posts, likes, comments and active
 * posters per day, the most engaging posts, and the posts that drove the most
 * add-to-carts (line items tagged with the post by add-a-set-to-cart).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { days } = req.validatedQuery as unknown as { days: number }
  const social = req.scope.resolve<SocialModuleService>(SOCIAL_MODULE)
  const [{ per_day, top_posts }, carts] = await Promise.all([
    social.overview(days),
    postCartStats(req.scope, days),
  ])
  const summaries = (await social.postSummaries(
    carts.map((c) => c.post_id)
  )) as any[]
  const byId = new Map(summaries.map((s) => [s.id, s]))
  res.json({
    days,
    per_day,
    totals: per_day.reduce(
      (t: any, d: any) => ({
        posts: t.posts + d.posts,
        likes: t.likes + d.likes,
        comments: t.comments + d.comments,
      }),
      { posts: 0, likes: 0, comments: 0 }
    ),
    top_posts,
    add_to_cart_posts: carts.map((c) => ({
      ...c,
      post: byId.get(c.post_id) ?? null,
    })),
  })
}
