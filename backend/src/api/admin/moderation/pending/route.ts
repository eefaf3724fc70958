import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { SOCIAL_MODULE } from "../../../../modules/social"
import type SocialModuleService from "../../../../modules/social/service"

/** GET /admin/moderation/pending — posts waiting for approval (pre-moderation), oldest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const social = req.scope.resolve<SocialModuleService>(SOCIAL_MODULE)
  const q = req.validatedQuery as unknown as { limit: number; offset: number }
  const [posts, count] = (await social.listAndCountSocialPosts(
    { status: "pending" } as any,
    { order: { created_at: "ASC" }, take: q.limit, skip: q.offset }
  )) as [any[], number]
  const ids = posts.map((p) => p.id)
  const [images, profiles] = (await Promise.all([
    ids.length
      ? social.listSocialPostImages({ post_id: ids, position: 0 } as any)
      : [],
    ids.length
      ? social.listSocialProfiles({
          customer_id: [...new Set(posts.map((p) => p.customer_id))],
        })
      : [],
  ])) as any[][]
  res.json({
    posts: posts.map((p) => ({
      id: p.id,
      customer_id: p.customer_id,
      handle:
        profiles.find((a) => a.customer_id === p.customer_id)?.handle ?? null,
      caption: p.caption,
      visibility: p.visibility,
      image_url: images.find((i) => i.post_id === p.id)?.url ?? null,
      created_at: p.created_at,
    })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
