import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { recommend } from "../../../../../../lib/recommendations/engine"
import type { StoreGenerateRecommendationsType } from "../validators"

/** POST /store/customers/me/recommendations/generate — a fresh list for an occasion/season, or "complete the look" around an anchor. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreGenerateRecommendationsType>,
  res: MedusaResponse
) => {
  res.json(
    await recommend(req.scope, {
      ...req.validatedBody,
      customer_id: req.auth_context.actor_id,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    })
  )
}
