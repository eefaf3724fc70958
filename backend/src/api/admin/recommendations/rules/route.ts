import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { RECOMMENDATIONS_MODULE } from "../../../../modules/recommendations"
import type RecommendationsModuleService from "../../../../modules/recommendations/service"
import { forgetAllLists } from "../../../../lib/recommendations/cache"
import type { AdminCreateRecommendationRuleType } from "../validators"

/** GET /admin/recommendations/rules — the merchandising rules, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const rules = await req.scope
    .resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    .listRecRules({}, { order: { created_at: "DESC" }, take: 1000 })
  res.json({ rules })
}

/** POST /admin/recommendations/rules — boost or exclude a collection, category or tag; applies to the next list served. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateRecommendationRuleType>,
  res: MedusaResponse
) => {
  const rule = await req.scope
    .resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    .createRecRules(req.validatedBody as any)
  await forgetAllLists(req.scope)
  res.status(201).json({ rule })
}
