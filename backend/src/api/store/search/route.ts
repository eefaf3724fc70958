import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { answerWhileBuilding } from "../../../lib/search/errors"
import { Timings } from "../../../lib/timings"
import { textSearch } from "../../../lib/search/text-search"
import { recordZeroResult } from "../../../lib/search/zero-results"
import type { StoreSearchParamsType } from "./validators"

/**
 * GET /store/search — words and filters → purchasable products of the region,
 * with the catalogue-wide count and facets under the filters.
 */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreSearchParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as StoreSearchParamsType
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  const timings = new Timings()
  const result = await answerWhileBuilding(res, () =>
    textSearch(req.scope, params, salesChannelIds, timings)
  )
  if (!result) return
  res.setHeader("Server-Timing", timings.header())
  if (params.q && !result.count)
    recordZeroResult(req.scope, {
      query: params.q,
      region_id: params.region_id,
      engine: result.engine,
    })
  res.json(result)
}
