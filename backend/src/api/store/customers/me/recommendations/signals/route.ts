import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { RECOMMENDATIONS_MODULE } from "../../../../../../modules/recommendations"
import type RecommendationsModuleService from "../../../../../../modules/recommendations/service"
import type { StoreRecommendationSignalsType } from "../validators"
import { forgetLists } from "../../../../../../lib/recommendations/cache"

/** POST /store/customers/me/recommendations/signals — a batch of views, add-to-carts, likes from the storefront. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRecommendationSignalsType>,
  res: MedusaResponse
) => {
  const recs = req.scope.resolve<RecommendationsModuleService>(
    RECOMMENDATIONS_MODULE
  )
  const customer_id = req.auth_context.actor_id
  const rows = await recs.record(
    req.validatedBody.signals.map((s) => ({
      customer_id,
      product_id: s.product_id,
      kind: s.kind,
    }))
  )
  await forgetLists(req.scope, customer_id)
  res.status(201).json({ recorded: rows.length })
}
