import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type ProductImages = {
  product_id: string
  images: { id: string | null; url: string }[]
}

/** Reads the current photos of the given products (a deleted product has none). */
export const loadProductImagesStep = createStep(
  "load-product-images",
  async (input: { product_ids: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "thumbnail", "images.id", "images.url"],
      filters: { id: input.product_ids },
    })
    const found = new Map(
      (data as any[]).map((p) => {
        const images = (p.images ?? [])
          .filter((i: any) => i?.url)
          .map((i: any) => ({ id: i.id, url: i.url }))
        if (!images.length && p.thumbnail)
          images.push({ id: null, url: p.thumbnail })
        return [p.id, images]
      })
    )
    return new StepResponse(
      input.product_ids.map((id) => ({
        product_id: id,
        images: found.get(id) ?? [],
      })) as ProductImages[]
    )
  }
)
