import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { searchPurchasable } from "../../../../../lib/visual-search/search"
import { productQueryVector } from "../../../../../lib/visual-search/product-vector"
import { parseConstraints } from "../../../visual-search/parse"
import { Timings } from "../../../../../lib/timings"
import { regionContext } from "../../../../../lib/offers"
import { searchStarting } from "../../../../../lib/visual-search/near-copy-worker"

/** GET /store/products/:id/similar?region_id=&limit= — products that look like this one, purchasable in the region. */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const started = Date.now()
  // the near-copy worker's background pass leaves the cores to this request
  searchStarting()
  const constraints = parseConstraints(req.query as any)
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  const timings = new Timings()
  const context = await regionContext(
    req.scope,
    constraints.region_id,
    salesChannelIds,
    timings
  )
  const vector = await timings.time("vector", () =>
    productQueryVector(req.scope, req.params.id, salesChannelIds)
  )
  const result = await searchPurchasable(
    req.scope,
    {
      ...constraints,
      vector,
      excludeProductIds: [req.params.id],
      salesChannelIds,
      started,
      context,
    },
    timings
  )
  timings.send(res)
  res.json(result)
}
