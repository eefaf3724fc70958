import type { MedusaStoreRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { variantAvailability } from "../../../../../lib/region-stock"
import type { StoreAvailabilityParamsType } from "../../../validators"

/** GET /store/products/:id/availability?region_id= — which sizes a shopper in that region can buy. */
export const GET = async (req: MedusaStoreRequest<unknown, StoreAvailabilityParamsType>, res: MedusaResponse) => {
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "sales_channels.id"],
    filters: { id: req.params.id, status: "published" },
  })
  const visible = products[0] && (!salesChannelIds.length || (products[0].sales_channels ?? []).some((s: any) => salesChannelIds.includes(s?.id)))
  if (!visible) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.id} was not found`)
  const region_id = req.validatedQuery.region_id
  const variants = await variantAvailability(req.scope, { regionId: region_id, salesChannelIds, productIds: [req.params.id] })
  res.json({ region_id, variants: variants.map(({ product_id, ...v }) => v) })
}
