import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECOMMENDATIONS_MODULE } from "../../../modules/recommendations"
import type RecommendationsModuleService from "../../../modules/recommendations/service"

/** Records a `cart` signal per product a shopper put in the cart from a recommendation; undone with the add. */
export const recordCartSignalsStep = createStep(
  "record-cart-signals",
  async (
    input: { customer_id: string; product_ids: string[] },
    { container }
  ) => {
    const recs = container.resolve<RecommendationsModuleService>(
      RECOMMENDATIONS_MODULE
    )
    const rows = await recs.record(
      [...new Set(input.product_ids)].map((product_id) => ({
        customer_id: input.customer_id,
        product_id,
        kind: "cart" as const,
      }))
    )
    return new StepResponse(
      rows.map((r) => r.id),
      rows.map((r) => r.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length)
      await container
        .resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
        .deleteRecSignals(ids)
  }
)
