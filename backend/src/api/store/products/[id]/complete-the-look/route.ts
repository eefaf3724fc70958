import type {
  MedusaStoreRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { recommend } from "../../../../../lib/recommendations/engine"
import type { StoreCompleteTheLookParamsType } from "../../../customers/me/recommendations/validators"

/** GET /store/products/:id/complete-the-look?region_id=&size= — public outfits around a product, every item buyable in the region (and size). */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreCompleteTheLookParamsType>,
  res: MedusaResponse
) => {
  const { region_id, size, limit } = req.validatedQuery
  res.json(
    await recommend(req.scope, {
      customer_id: null,
      region_id,
      size,
      limit,
      kind: "outfit",
      anchor: { product_id: req.params.id },
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    })
  )
}
