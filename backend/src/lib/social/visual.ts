import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { VISUAL_SEARCH_MODULE } from "../../modules/visual-search"
import type VisualSearchModuleService from "../../modules/visual-search/service"
import { normalizeUpload } from "../uploads"
import { embedPhotos } from "../../modules/visual-search/embedders/types"
import { searchPurchasable } from "../visual-search/search"
import { productQueryVector } from "../visual-search/product-vector"

/**
 * The social feed's only calls into visual search (whose results are
 * purchasable through the one buyability rule): tag suggestions for a post's
 * photo, and "similar in stock" for a tagged product the viewer cannot buy.
 */
type Where = { region_id: string; sales_channel_ids: string[] }

/** The stored bytes of a post photo: from the File module, else its URL. */
async function photoBytes(
  container: MedusaContainer,
  image: { file_id: string | null; url: string }
): Promise<Buffer> {
  if (image.file_id)
    return container.resolve(Modules.FILE).getAsBuffer(image.file_id)
  const res = await fetch(image.url, { signal: AbortSignal.timeout(10_000) })
  if (!res.ok) throw new Error(`photo ${image.url}: HTTP ${res.status}`)
  return Buffer.from(await res.arrayBuffer())
}

/** Products that look like this photo, each with a variant this viewer can buy. */
export async function suggestTags(
  container: MedusaContainer,
  image: { file_id: string | null; url: string },
  where: Where,
  limit: number
) {
  const service =
    container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const embedder = await service.getEmbedder()
  const { jpeg } = await normalizeUpload(await photoBytes(container, image))
  const [vector] = await embedPhotos(embedder, [jpeg])
  const { results } = await searchPurchasable(container, {
    region_id: where.region_id,
    vector,
    limit,
    salesChannelIds: where.sales_channel_ids,
    started: Date.now(),
  })
  return results
}

/**
 * Products that look like a tagged product this viewer cannot buy, which they
 * can; empty when the product is not indexed (yet) or not visible to them.
 */
export async function similarInStock(
  container: MedusaContainer,
  productId: string,
  where: Where & { size?: string },
  limit: number
) {
  let vector: Float32Array
  try {
    vector = await productQueryVector(
      container,
      productId,
      where.sales_channel_ids
    )
  } catch {
    return []
  }
  const { results } = await searchPurchasable(container, {
    region_id: where.region_id,
    ...(where.size ? { size: where.size } : {}),
    vector,
    limit,
    excludeProductIds: [productId],
    salesChannelIds: where.sales_channel_ids,
    started: Date.now(),
  })
  return results
}
