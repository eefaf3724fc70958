import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { answerWhileBuilding } from "../../../../lib/search/errors"
import { suggest } from "../../../../lib/search/suggest"
import type { StoreSearchSuggestParamsType } from "../validators"

/** GET /store/search/suggest?q= — products, categories and brands for the search box while typing. */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreSearchSuggestParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as StoreSearchSuggestParamsType
  const result = await answerWhileBuilding(res, () =>
    suggest(
      req.scope,
      params,
      req.publishable_key_context?.sales_channel_ids ?? []
    )
  )
  if (result) res.json(result)
}
