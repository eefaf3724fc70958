import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { VISUAL_SEARCH_MODULE } from "../../../modules/visual-search"
import type VisualSearchModuleService from "../../../modules/visual-search/service"
import { embedPhotos } from "../../../modules/visual-search/embedders/types"
import { normalizeUpload } from "../../../lib/uploads"
import { searchPurchasable } from "../../../lib/visual-search/search"
import { productQueryVector } from "../../../lib/visual-search/product-vector"
import { parseConstraints, parseJsonQuery } from "./parse"
import { Timings } from "../../../lib/timings"
import { regionContext } from "../../../lib/offers"
import { searchStarting } from "../../../lib/visual-search/near-copy-worker"

/**
 * POST /store/visual-search — a photo (multipart field `image`), a product
 * (`{ product_id }`) or a text (`{ text }`, CLIP only) → purchasable products.
 * The photo is embedded in memory and never stored.
 */
export const POST = async (
  req: MedusaStoreRequest<Record<string, unknown>>,
  res: MedusaResponse
) => {
  const started = Date.now()
  // the near-copy worker's background pass leaves the cores to this request
  searchStarting()
  const constraints = parseConstraints(
    req.query as any,
    (req.body ?? {}) as any
  )
  const timings = new Timings()
  // an unknown region is a 404 before any photo is decoded
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  const context = await regionContext(
    req.scope,
    constraints.region_id,
    salesChannelIds,
    timings
  )
  const service =
    req.scope.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const embedder = await service.getEmbedder()
  const file = (req as any).file as { buffer: Buffer } | undefined
  let vector: Float32Array
  let exclude: string[] = []
  if (file) {
    const { jpeg } = await timings.time("decode", () =>
      normalizeUpload(file.buffer)
    )
    ;[vector] = await timings.time("embed", () => embedPhotos(embedder, [jpeg]))
  } else {
    const q = parseJsonQuery((req.body ?? {}) as any)
    if ("text" in q) {
      if (!embedder.embedText) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Text search needs the CLIP embedder; this store runs ${embedder.id}, which only understands photos. Send a photo or a product_id.`
        )
      }
      ;[vector] = await embedder.embedText([q.text])
    } else {
      vector = await productQueryVector(
        req.scope,
        q.product_id,
        salesChannelIds
      )
      exclude = [q.product_id]
    }
  }
  const result = await searchPurchasable(
    req.scope,
    {
      ...constraints,
      vector,
      excludeProductIds: exclude,
      salesChannelIds,
      started,
      context,
    },
    timings
  )
  timings.send(res)
  res.json(result)
}
