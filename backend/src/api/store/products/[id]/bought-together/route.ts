import type {
  MedusaStoreRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { recommend } from "../../../../../lib/recommendations/engine"
import type { StoreBoughtTogetherParamsType } from "../../../customers/me/recommendations/validators"

/** GET /store/products/:id/bought-together?region_id= — public: the trained co-occurrence neighbours of a product that are buyable here. */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreBoughtTogetherParamsType>,
  res: MedusaResponse
) => {
  const { region_id, limit } = req.validatedQuery
  const query = req.scope.resolve("query")
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "status"],
    filters: { id: req.params.id },
  })
  if (!data[0] || data[0].status !== "published")
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product ${req.params.id} was not found`
    )
  res.json(
    await recommend(req.scope, {
      customer_id: null,
      region_id,
      limit,
      kind: "product",
      together_with: req.params.id,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    })
  )
}
