import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"

export type QuizPick = {
  id: string
  usage: string | null
  base_colour: string | null
  gender: string | null
}

/** The catalogue labels of the products picked in the quiz; an unknown or unpublished id is refused by name. */
export const loadQuizPicksStep = createStep(
  "load-quiz-picks",
  async (input: { product_ids: string[] }, { container }) => {
    if (!input.product_ids.length) return new StepResponse([] as QuizPick[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "metadata"],
      filters: { id: input.product_ids, status: "published" } as any,
    })
    const found = new Map(data.map((p: any) => [p.id, p]))
    const missing = input.product_ids.filter((id) => !found.has(id))
    if (missing.length)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `picks: no such product ${missing.join(", ")}`
      )
    return new StepResponse(
      input.product_ids.map((id) => {
        const m = (found.get(id) as any).metadata ?? {}
        return {
          id,
          usage: m.usage ?? null,
          base_colour: m.base_colour ?? null,
          gender: m.gender ?? null,
        }
      })
    )
  }
)
