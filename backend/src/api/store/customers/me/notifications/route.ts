import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { socialOf } from "../../../feed/helpers"

/** GET /store/customers/me/notifications — newest first, with the actor's handle and the unread count. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const social = socialOf(req)
  const me = req.auth_context.actor_id
  const { limit, offset } = req.validatedQuery as unknown as {
    limit: number
    offset: number
  }
  const [rows, count] = (await social.listAndCountSocialNotifications(
    { recipient_id: me },
    { order: { created_at: "DESC" }, take: limit, skip: offset }
  )) as [any[], number]
  const actors = (await social.listSocialProfiles({
    customer_id: [...new Set(rows.map((n) => n.actor_id).filter(Boolean))],
  })) as any[]
  const handles = new Map(actors.map((a) => [a.customer_id, a]))
  res.json({
    notifications: rows.map((n) => ({
      id: n.id,
      type: n.type,
      actor: n.actor_id
        ? {
            id: n.actor_id,
            handle: handles.get(n.actor_id)?.handle ?? null,
            display_name: handles.get(n.actor_id)?.display_name ?? null,
          }
        : null,
      post_id: n.post_id,
      product_id: n.product_id,
      read_at: n.read_at,
      created_at: n.created_at,
    })),
    count,
    unread_count: await social.unreadCount(me),
  })
}
