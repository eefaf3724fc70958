import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  saveSocialSettings,
  socialSettings,
  type SocialSettings,
} from "../../../../lib/social/settings"

/** GET /admin/social/settings — `{ settings: { premoderation } }`. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  res.json({ settings: await socialSettings(req.scope) })
}

/** POST /admin/social/settings `{ premoderation }` — new posts wait for approval while it is on. */
export const POST = async (
  req: AuthenticatedMedusaRequest<SocialSettings>,
  res: MedusaResponse
) => {
  res.json({ settings: await saveSocialSettings(req.scope, req.validatedBody) })
}
