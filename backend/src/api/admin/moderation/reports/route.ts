import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { SOCIAL_MODULE } from "../../../../modules/social"
import type SocialModuleService from "../../../../modules/social/service"

/** GET /admin/moderation/reports?order=newest|most_reported — open reports grouped by target, with the target's state. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const social = req.scope.resolve<SocialModuleService>(SOCIAL_MODULE)
  const q = req.validatedQuery as unknown as {
    order: "newest" | "most_reported"
    limit: number
    offset: number
  }
  const { groups, count } = await social.reportQueue(q)
  const postIds = groups
    .filter((g: any) => g.target_type === "post")
    .map((g: any) => g.target_id)
  const posts = postIds.length
    ? ((await social.listSocialPosts({ id: postIds })) as any[])
    : []
  const images = postIds.length
    ? ((await social.listSocialPostImages({
        post_id: postIds,
        position: 0,
      } as any)) as any[])
    : []
  const byId = new Map(posts.map((p) => [p.id, p]))
  res.json({
    reports: groups.map((g: any) => {
      const p = byId.get(g.target_id)
      return {
        ...g,
        target:
          g.target_type === "post" && p
            ? {
                id: p.id,
                customer_id: p.customer_id,
                caption: p.caption,
                status: p.status,
                reports_count: p.reports_count,
                image_url: images.find((i) => i.post_id === p.id)?.url ?? null,
              }
            : null,
      }
    }),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
