import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STYLE_PROFILE_MODULE } from "../../../modules/style-profile"
import type StyleProfileModuleService from "../../../modules/style-profile/service"

export type CreateStyleLikesInput = {
  customer_id: string
  product_ids: string[]
  source: "quiz" | "product"
}

/** Records liked products the customer has not liked yet; undone by deleting exactly those. */
export const createStyleLikesStep = createStep(
  "create-style-likes",
  async (input: CreateStyleLikesInput, { container }) => {
    const profiles =
      container.resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
    const have = new Set(
      (await profiles.likesOf(input.customer_id)).map((l: any) => l.product_id)
    )
    const todo = input.product_ids.filter((id) => !have.has(id))
    const created: { id: string; product_id: string }[] = todo.length
      ? await profiles.createStyleLikes(
          todo.map((product_id) => ({
            customer_id: input.customer_id,
            product_id,
            source: input.source,
          }))
        )
      : []
    return new StepResponse(
      created,
      created.map((l) => l.id)
    )
  },
  async (ids: string[] | undefined, { container }) => {
    if (ids?.length)
      await container
        .resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
        .deleteStyleLikes(ids)
  }
)
