import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { recordFeedbackWorkflow } from "../../../../../../../workflows/recommendations/record-feedback"
import type { StoreRecommendationFeedbackType } from "../../validators"
import { forgetLists } from "../../../../../../../lib/recommendations/cache"

/**
 * POST /store/customers/me/recommendations/:id/feedback — like or dislike.
 * A dislike removes its items from the next lists and moves similar ones down;
 * too_expensive lowers the effective budget; a like moves similar ones up.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRecommendationFeedbackType>,
  res: MedusaResponse
) => {
  const { result } = await recordFeedbackWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      recommendation_id: req.params.id,
      ...req.validatedBody,
    },
  })
  // the next GET must reflect it at once: drop this shopper's cached lists
  await forgetLists(req.scope, req.auth_context.actor_id)
  res.json({ feedback: result })
}
