import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

const trainStep = createStep(
  "train-recommendations",
  async (_: void, { container }) => {
    const recs = container.resolve<RecommendationsModuleService>(
      RECOMMENDATIONS_MODULE
    )
    return new StepResponse(await recs.train())
  }
)

/** Trains item-item co-occurrence from every signal and stores it (one write: the new model row). */
export const trainRecommendationsWorkflow = createWorkflow(
  "train-recommendations",
  () => {
    return new WorkflowResponse(trainStep())
  }
)
