import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { notify, socialOf, writerProfile } from "../../../feed/helpers"
import { profileByHandle } from "../route"

/** POST /store/shoppers/:handle/follow — idempotent. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const p = await profileByHandle(req)
  const me = req.auth_context.actor_id
  if (await socialOf(req).follow(me, p.customer_id))
    await notify(req, {
      recipient_id: p.customer_id,
      type: "follow",
      actor_id: me,
    })
  res.json({
    handle: p.handle,
    followed_by_me: true,
    ...(await socialOf(req).profileCounts(p.customer_id)),
  })
}

/** DELETE /store/shoppers/:handle/follow — idempotent. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const p = await profileByHandle(req)
  await socialOf(req).unfollow(req.auth_context.actor_id, p.customer_id)
  res.json({
    handle: p.handle,
    followed_by_me: false,
    ...(await socialOf(req).profileCounts(p.customer_id)),
  })
}
