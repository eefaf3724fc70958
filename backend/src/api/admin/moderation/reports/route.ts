import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { SOCIAL_MODULE } from "../../../../modules/social"
import type SocialModuleService from "../../../../modules/social/service"

/**
 * GET /admin/moderation/reports?order=newest|most_reported — open reports
 * grouped by target (post, comment or profile), with the target's state.
 */
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
  const idsOf = (t: string) =>
    groups.filter((g: any) => g.target_type === t).map((g: any) => g.target_id)
  const [postIds, commentIds, profileIds] = [
    idsOf("post"),
    idsOf("comment"),
    idsOf("profile"),
  ]
  const [posts, images, comments, profiles] = (await Promise.all([
    postIds.length ? social.listSocialPosts({ id: postIds }) : [],
    postIds.length
      ? social.listSocialPostImages({ post_id: postIds, position: 0 } as any)
      : [],
    commentIds.length ? social.listSocialComments({ id: commentIds }) : [],
    profileIds.length ? social.listSocialProfiles({ id: profileIds }) : [],
  ])) as any[][]
  const byId = new Map<string, any>(
    [...posts, ...comments, ...profiles].map((r) => [r.id, r])
  )
  const target = (type: string, r: any) => {
    if (!r) return null
    if (type === "post")
      return {
        id: r.id,
        customer_id: r.customer_id,
        caption: r.caption,
        status: r.status,
        reports_count: r.reports_count,
        image_url: images.find((i) => i.post_id === r.id)?.url ?? null,
      }
    if (type === "comment")
      return {
        id: r.id,
        customer_id: r.customer_id,
        post_id: r.post_id,
        text: r.text,
        status: r.status,
      }
    return {
      id: r.id,
      customer_id: r.customer_id,
      handle: r.handle,
      display_name: r.display_name,
      status: r.banned_at ? "banned" : "active",
    }
  }
  res.json({
    reports: groups.map((g: any) => ({
      ...g,
      target: target(g.target_type, byId.get(g.target_id)),
    })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
