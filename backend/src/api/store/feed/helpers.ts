import type {
  AuthenticatedMedusaRequest,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SOCIAL_MODULE } from "../../../modules/social"
import type SocialModuleService from "../../../modules/social/service"
import type { StoreReportType } from "./validators"
import { viewerRegion, type Viewer } from "../../../lib/social/present"

export const socialOf = (req: MedusaRequest) =>
  req.scope.resolve<SocialModuleService>(SOCIAL_MODULE)

/**
 * The end of every report route: the signed-in shopper's report of a target
 * the route has already found and may report, recorded once per shopper
 * (201 the first time, 200 after), answered in one shape.
 */
export async function fileReport(
  req: AuthenticatedMedusaRequest<StoreReportType>,
  res: MedusaResponse,
  target_type: "post" | "comment" | "profile",
  target_id: string
) {
  const { created } = await socialOf(req).report(
    target_type,
    target_id,
    req.auth_context.actor_id,
    req.validatedBody.reason
  )
  res
    .status(created ? 201 : 200)
    .json({ reported: true, target_type, target_id })
}

/** The customer id of a request with an optional token (reads personalise when logged in). */
export const viewerId = (req: MedusaRequest): string | null =>
  ((req as AuthenticatedMedusaRequest).auth_context?.actor_id as string) || null

export async function viewerOf(req: MedusaRequest): Promise<Viewer> {
  const q = (req.query ?? {}) as Record<string, unknown>
  return {
    customer_id: viewerId(req),
    region_id: await viewerRegion(
      req.scope,
      typeof q.region_id === "string" ? q.region_id : undefined
    ),
    sales_channel_ids:
      (req as any).publishable_key_context?.sales_channel_ids ?? [],
  }
}

/**
 * The writing shopper's profile, made with a handle from the customer id when
 * they have none yet; a banned shopper's writes are refused with 403.
 */
export async function writerProfile(req: AuthenticatedMedusaRequest) {
  const social = socialOf(req)
  const customerId = req.auth_context.actor_id
  let [profile] = (await social.listSocialProfiles({
    customer_id: customerId,
  })) as any[]
  if (!profile) {
    const handle = `shopper_${customerId.slice(-10).toLowerCase()}`
    profile = await social.createSocialProfiles({
      customer_id: customerId,
      handle,
      display_name: handle,
    } as any)
  }
  if (profile.banned_at) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "Your account is banned from posting, commenting and reacting in the feed. Contact support if you think this is a mistake."
    )
  }
  return profile
}

/** The post if this viewer may see it, else 404 naming it (hidden, deleted, banned author, followers-only). */
export async function visiblePost(req: MedusaRequest, id: string) {
  const social = socialOf(req)
  const visible = await social.visiblePostIds([id], viewerId(req))
  if (!visible.has(id))
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Post ${id} was not found.`
    )
  const [post] = (await social.listSocialPosts({ id })) as any[]
  return post
}

/** The caller's own visible post, or 404 (another shopper's post answers the same as a missing one). */
export async function ownPost(req: AuthenticatedMedusaRequest, id: string) {
  const [post] = (await socialOf(req).listSocialPosts({
    id,
    customer_id: req.auth_context.actor_id,
    status: ["visible", "hidden", "pending"],
  } as any)) as any[]
  if (!post)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Post ${id} was not found among your posts.`
    )
  return post
}

/** Notifies a shopper of someone else's action (never of their own). */
export async function notify(
  req: MedusaRequest,
  n: {
    recipient_id: string
    type: "like" | "comment" | "reply" | "follow"
    actor_id: string
    post_id?: string | null
  }
) {
  if (n.recipient_id === n.actor_id) return
  await socialOf(req).createSocialNotifications({
    ...n,
    post_id: n.post_id ?? null,
  } as any)
}
