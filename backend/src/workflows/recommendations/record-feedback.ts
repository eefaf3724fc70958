import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

type Input = {
  customer_id: string
  recommendation_id: string
  rating: "like" | "dislike"
  reason?: "not_my_style" | "too_expensive" | "wrong_size" | "own_similar"
}

const recordFeedbackStep = createStep(
  "record-recommendation-feedback",
  async (input: Input, { container }) => {
    const recs = container.resolve<RecommendationsModuleService>(
      RECOMMENDATIONS_MODULE
    )
    const rec = await recs.recommendationOf(
      input.customer_id,
      input.recommendation_id
    )
    if (!rec)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Recommendation ${input.recommendation_id} was not found`
      )
    const items = ((rec.payload as any).items ?? []).filter(
      (i: any) => i.product && !i.owned
    )
    const productIds: string[] = items.map((i: any) => i.product.id)
    const prices = items
      .map((i: any) => i.variant?.calculated_price)
      .filter((p: any) => typeof p === "number")
    const feedback = await recs.createRecFeedbacks({
      customer_id: input.customer_id,
      recommendation_id: rec.id,
      product_ids: productIds,
      rating: input.rating,
      reason: input.reason ?? null,
      price:
        input.reason === "too_expensive" && prices.length
          ? Math.min(...prices)
          : null,
    } as any)
    const signals = await recs.record(
      productIds.map((product_id) => ({
        customer_id: input.customer_id,
        product_id,
        kind: input.rating,
        reason: input.reason ?? null,
      }))
    )
    return new StepResponse(
      {
        id: feedback.id,
        recommendation_id: rec.id,
        rating: input.rating,
        reason: input.reason ?? null,
        product_ids: productIds,
      },
      { feedback_id: feedback.id, signal_ids: signals.map((s: any) => s.id) }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const recs = container.resolve<RecommendationsModuleService>(
      RECOMMENDATIONS_MODULE
    )
    await recs.deleteRecFeedbacks([undo.feedback_id])
    if (undo.signal_ids.length) await recs.deleteRecSignals(undo.signal_ids)
  }
)

/** Records a like/dislike of one of the shopper's recommendations and the signals it implies; undone as one. */
export const recordFeedbackWorkflow = createWorkflow(
  "record-recommendation-feedback",
  (input: Input) => {
    return new WorkflowResponse(recordFeedbackStep(input))
  }
)
