import type {
  MedusaStoreRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  covers,
  judge,
  readProducts,
  regionContext,
} from "../../../../../lib/offers"
import type { StoreAvailabilityParamsType } from "../../../validators"

/**
 * GET /store/products/:id/availability?region_id= — which sizes a shopper in
 * that region can have: the stock facts the buyability rule (lib/offers)
 * decides on. A product the rule rules out as a whole (not published, not in
 * the key's sales channels) is a 404.
 */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreAvailabilityParamsType>,
  res: MedusaResponse
) => {
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  const region_id = req.validatedQuery.region_id
  const region = await regionContext(req.scope, region_id, salesChannelIds)
  const read = (await readProducts(req.scope, [req.params.id], region)).get(
    req.params.id
  )!
  const { reason } = judge(read, {
    region_id,
    sales_channel_ids: salesChannelIds,
  })
  if (reason === "not_published" || reason === "not_in_sales_channel")
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product ${req.params.id} was not found`
    )
  res.json({
    region_id,
    variants: read.variants.map((v) => ({
      id: v.id,
      size: v.size,
      in_stock: covers(v),
      quantity: v.quantity,
    })),
  })
}
