import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STYLE_PROFILE_MODULE } from "../../../../../../modules/style-profile"
import type StyleProfileModuleService from "../../../../../../modules/style-profile/service"

/** The products the shopper said they like (the quiz's picks first), oldest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const likes = await req.scope
    .resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
    .likesOf(req.auth_context.actor_id)
  res.json({
    likes: likes.map((l: any) => ({
      product_id: l.product_id,
      source: l.source,
      created_at: l.created_at,
    })),
  })
}
