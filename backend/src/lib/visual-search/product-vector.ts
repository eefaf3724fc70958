import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { VISUAL_SEARCH_MODULE } from "../../modules/visual-search"
import type VisualSearchModuleService from "../../modules/visual-search/service"
import { l2normalize } from "../../modules/visual-search/embedders/types"
import { indexProductImagesWorkflow } from "../../workflows/visual-search/index-product-images"
import { productReason, productStructures } from "../offers"
import { enqueueOnce } from "../enqueue-once"

/** The query vector of a product: the mean of its photos' vectors (404 while it is not indexed yet). */
export async function productQueryVector(
  container: MedusaContainer,
  productId: string,
  salesChannelIds: string[]
): Promise<Float32Array> {
  // a product this shopper cannot see (the rule's product-level reasons) does not exist for them
  const structure = (await productStructures(container, [productId])).get(
    productId
  )
  if (!structure || productReason(structure, salesChannelIds))
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product ${productId} was not found`
    )
  const service =
    container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const images = await service.indexedImagesOf(productId)
  if (!images.length) {
    // indexed in the background, at most once per product every 10 minutes (the
    // catch-up job retries failures): a request never waits for it nor reloads the index
    await enqueueOnce(
      container,
      `index-product:${productId}`,
      10 * 60_000,
      () =>
        indexProductImagesWorkflow(container).run({
          input: { product_ids: [productId] },
        })
    )
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product ${productId} has no indexed photo yet: indexing is queued, try again in a minute`
    )
  }
  const dims = images[0].vector.length
  const mean = new Float32Array(dims)
  for (const img of images)
    for (let i = 0; i < dims; i++) mean[i] += img.vector[i]
  return l2normalize(mean)
}
