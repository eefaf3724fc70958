import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { recommend } from "../../../../../lib/recommendations/engine"
import type { StoreRecommendationsParamsType } from "./validators"

/** GET /store/customers/me/recommendations — this shopper's list now; feedback and signals count at once. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreRecommendationsParamsType>,
  res: MedusaResponse
) => {
  const { region_id, kind, limit } = req.validatedQuery
  res.json(
    await recommend(req.scope, {
      customer_id: req.auth_context.actor_id,
      region_id,
      kind,
      limit,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    })
  )
}
