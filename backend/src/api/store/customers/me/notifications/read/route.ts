import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { socialOf } from "../../../../feed/helpers"

/** POST /store/customers/me/notifications/read `{ ids? }` — marks those (or all) read; others' ids are ignored. */
export const POST = async (
  req: AuthenticatedMedusaRequest<{ ids?: string[] }>,
  res: MedusaResponse
) => {
  const social = socialOf(req)
  const me = req.auth_context.actor_id
  const marked = await social.markRead(me, req.validatedBody.ids)
  res.json({ marked, unread_count: await social.unreadCount(me) })
}
