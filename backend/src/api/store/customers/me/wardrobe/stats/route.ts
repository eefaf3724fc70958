import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../modules/wardrobe/service"

/** GET …/wardrobe/stats — counts, value, cost per wear and palette of the shopper's (unarchived) wardrobe. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  res.json({
    stats: await req.scope
      .resolve<WardrobeModuleService>(WARDROBE_MODULE)
      .stats(req.auth_context.actor_id),
  })
}
