import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../../../../../../modules/recommendations"
import type RecommendationsModuleService from "../../../../../../modules/recommendations/service"
import { toShape } from "../../../../../../lib/recommendations/engine"

/** GET /store/customers/me/recommendations/:id — one recommendation as it was shown; another shopper's is a 404. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const recs = req.scope.resolve<RecommendationsModuleService>(
    RECOMMENDATIONS_MODULE
  )
  const row = await recs.recommendationOf(
    req.auth_context.actor_id,
    req.params.id
  )
  if (!row)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Recommendation ${req.params.id} was not found`
    )
  res.json({ recommendation: toShape(row as any) })
}
