import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"

export type PostTagInput = {
  image: number
  x: number
  y: number
  product_id: string
  variant_id?: string | null
}

/** Refuses tags on unknown products, variants of another product, or photos the post does not have. */
export const validatePostTagsStep = createStep(
  "validate-post-tags",
  async (
    input: { tags: PostTagInput[]; image_count: number },
    { container }
  ) => {
    const bad = input.tags.find((t) => t.image >= input.image_count)
    if (bad)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `A tag is on photo ${bad.image}, but the post has ${input.image_count} photo(s).`
      )
    const ids = [...new Set(input.tags.map((t) => t.product_id))]
    if (!ids.length) return new StepResponse(undefined)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "status", "variants.id"],
      filters: { id: ids },
    })
    const found = new Map(
      (data as any[])
        .filter((p) => p.status === "published")
        .map((p) => [p.id, new Set((p.variants ?? []).map((v: any) => v.id))])
    )
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Unknown product(s) in tags: ${missing.join(", ")}`
      )
    const wrong = input.tags.find(
      (t) => t.variant_id && !found.get(t.product_id)!.has(t.variant_id)
    )
    if (wrong)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Variant ${wrong.variant_id} is not a variant of product ${wrong.product_id}.`
      )
    return new StepResponse(undefined)
  }
)
