import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { SOCIAL_MODULE } from "../../../../modules/social"
import type SocialModuleService from "../../../../modules/social/service"

/** GET /admin/moderation/audit — who did what, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { limit, offset } = req.validatedQuery as unknown as {
    limit: number
    offset: number
  }
  const [actions, count] = await req.scope
    .resolve<SocialModuleService>(SOCIAL_MODULE)
    .listAndCountSocialModerationActions(
      {},
      { order: { created_at: "DESC" }, take: limit, skip: offset }
    )
  res.json({ actions, count, limit, offset })
}
