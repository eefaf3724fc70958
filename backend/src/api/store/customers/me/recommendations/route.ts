import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { recommend } from "../../../../../lib/recommendations/engine"
import { cachedList } from "../../../../../lib/recommendations/cache"
import type { StoreRecommendationsParamsType } from "./validators"
import { Timings } from "../../../../../lib/timings"

/** GET /store/customers/me/recommendations — this shopper's list, cached (Caching Module) until feedback, signals, profile, wardrobe or a new model change it. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreRecommendationsParamsType>,
  res: MedusaResponse
) => {
  const { region_id, kind, limit } = req.validatedQuery
  const customer_id = req.auth_context.actor_id
  const sales_channel_ids = req.publishable_key_context?.sales_channel_ids ?? []
  const timings = new Timings()
  const list = await cachedList(
    req.scope,
    customer_id,
    { region_id, kind, limit, sales_channel_ids },
    () =>
      recommend(
        req.scope,
        { customer_id, region_id, kind, limit, sales_channel_ids },
        timings
      )
  )
  timings.send(res)
  res.json(list)
}
