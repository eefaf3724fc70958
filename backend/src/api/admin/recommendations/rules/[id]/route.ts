import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../../../../../modules/recommendations"
import type RecommendationsModuleService from "../../../../../modules/recommendations/service"
import { forgetAllLists } from "../../../../../lib/recommendations/cache"

/** DELETE /admin/recommendations/rules/:id — removes a merchandising rule. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const recs = req.scope.resolve<RecommendationsModuleService>(
    RECOMMENDATIONS_MODULE
  )
  const [rule] = await recs.listRecRules({ id: req.params.id }, { take: 1 })
  if (!rule)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Recommendation rule ${req.params.id} was not found`
    )
  await recs.deleteRecRules(rule.id)
  await forgetAllLists(req.scope)
  res.json({ id: rule.id, object: "recommendation_rule", deleted: true })
}
