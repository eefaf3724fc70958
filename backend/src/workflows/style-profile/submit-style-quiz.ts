import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { loadQuizPicksStep, type QuizPick } from "./steps/load-quiz-picks"
import { prepareStyleProfileStep } from "./steps/prepare-style-profile"
import { upsertStyleProfileStep } from "./steps/upsert-style-profile"
import { createStyleLikesStep } from "./steps/create-style-likes"
import type { StyleProfileUpdate } from "./merge-style-profile"
import { isColour, isStyle } from "../../lib/style-vocabulary"

export type SubmitStyleQuizInput = {
  customer_id: string
  sizes?: StyleProfileUpdate["sizes"]
  budget?: StyleProfileUpdate["budget"]
  gender?: string | null
  country_code?: string | null
  picks: string[]
}

/** Saves the quiz: sizes and budget into the profile, the picked looks' styles and colours added to the liked ones, the picks as the first likes. */
export const submitStyleQuizWorkflow = createWorkflow(
  "submit-style-quiz",
  (input: SubmitStyleQuizInput) => {
    const picks = loadQuizPicksStep({ product_ids: input.picks })
    const prepareInput = transform({ input, picks }, ({ input, picks }) => ({
      customer_id: input.customer_id,
      update: {
        sizes: input.sizes,
        budget: input.budget,
        gender: input.gender,
        country_code: input.country_code,
      },
      add: {
        styles: (picks as QuizPick[]).map((p) => p.usage).filter(isStyle),
        colours_liked: (picks as QuizPick[])
          .map((p) => p.base_colour)
          .filter(isColour),
      },
    }))
    const prepared = prepareStyleProfileStep(prepareInput)
    const profile = upsertStyleProfileStep({
      customer_id: input.customer_id,
      profile_id: prepared.profile_id,
      fields: prepared.fields,
    })
    const likes = createStyleLikesStep({
      customer_id: input.customer_id,
      product_ids: input.picks,
      source: "quiz",
    })
    return new WorkflowResponse({ profile, likes })
  }
)
