import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { VISUAL_SEARCH_MODULE } from "../../modules/visual-search"
import type VisualSearchModuleService from "../../modules/visual-search/service"
import { l2normalize } from "../../modules/visual-search/embedders/types"
import { indexProductImagesWorkflow } from "../../workflows/visual-search/index-product-images"
import { productReason, productStructures } from "../offers"

/** The query vector of a product: the mean of its photos' vectors (indexed first if it is not yet). */
export async function productQueryVector(container: MedusaContainer, productId: string, salesChannelIds: string[]): Promise<Float32Array> {
  // a product this shopper cannot see (the rule's product-level reasons) does not exist for them
  const structure = (await productStructures(container, [productId])).get(productId)
  if (!structure || productReason(structure, salesChannelIds)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} was not found`)
  const service = container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  let images = await service.indexedImagesOf(productId)
  if (!images.length) {
    await indexProductImagesWorkflow(container).run({ input: { product_ids: [productId] } })
    await service.syncIndex({ force: true })
    images = await service.indexedImagesOf(productId)
  }
  if (!images.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} has no photo that could be indexed`)
  const dims = images[0].vector.length
  const mean = new Float32Array(dims)
  for (const img of images) for (let i = 0; i < dims; i++) mean[i] += img.vector[i]
  return l2normalize(mean)
}
