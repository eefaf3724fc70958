import type { MedusaContainer } from "@medusajs/framework/types"
import { trainRecommendationsWorkflow } from "../workflows/recommendations/train"

/** Retrains the recommendation model every hour (CURATOR_RECS_TRAIN_SCHEDULE), never on a request path. */
export default async function trainRecommendations(container: MedusaContainer) {
  await trainRecommendationsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "train-recommendations",
  schedule: process.env.CURATOR_RECS_TRAIN_SCHEDULE || "17 * * * *",
}
