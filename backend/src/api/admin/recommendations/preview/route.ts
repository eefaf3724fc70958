import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { recommend } from "../../../../lib/recommendations/engine"
import type { AdminRecommendationsPreviewType } from "../validators"

/**
 * GET /admin/recommendations/preview — a customer's list as they would see it
 * now (reasons, filtered_out; every sales channel), computed without storing
 * anything: ids are `preview_<n>`.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminRecommendationsPreviewType>,
  res: MedusaResponse
) => {
  const { customer_id, region_id, kind, limit } = req.validatedQuery
  const [customer] = await req.scope
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customer_id }, { take: 1 })
  if (!customer)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer ${customer_id} was not found`
    )
  res.json(
    await recommend(req.scope, {
      customer_id,
      region_id,
      kind,
      limit,
      sales_channel_ids: [],
      persist: false,
    })
  )
}
