import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import SocialModuleService from "../../../../modules/social/service"
import { presentPosts } from "../../../../lib/social/present"
import { socialOf, viewerId, viewerOf } from "../../feed/helpers"

/** The profile of a handle, or 404 (a banned shopper's profile is gone too). */
export async function profileByHandle(req: MedusaRequest) {
  const handle = SocialModuleService.normalizeHandle(String(req.params.handle))
  const [p] = (await socialOf(req).listSocialProfiles({ handle })) as any[]
  if (!p || p.banned_at)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Shopper @${handle} was not found.`
    )
  return p
}

/** GET /store/shoppers/:handle — profile, counts, whether I follow them, and their latest posts I may see. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const social = socialOf(req)
  const p = await profileByHandle(req)
  const me = viewerId(req)
  const recent = (await social.listSocialPosts(
    { customer_id: p.customer_id, status: "visible" } as any,
    { select: ["id"], order: { created_at: "DESC" }, take: 60 }
  )) as any[]
  const visible = await social.visiblePostIds(
    recent.map((r) => r.id),
    me
  )
  const posts = await presentPosts(
    req.scope,
    recent.map((r) => r.id).filter((id) => visible.has(id)),
    await viewerOf(req)
  )
  res.json({
    shopper: {
      handle: p.handle,
      display_name: p.display_name,
      bio: p.bio,
      avatar_url: p.avatar_url,
      ...(await social.profileCounts(p.customer_id)),
      followed_by_me: me ? await social.isFollowing(me, p.customer_id) : false,
      is_me: me === p.customer_id,
    },
    posts,
  })
}
