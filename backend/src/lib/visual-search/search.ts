import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { VISUAL_SEARCH_MODULE } from "../../modules/visual-search"
import type VisualSearchModuleService from "../../modules/visual-search/service"
import type { IndexedImage } from "../../modules/visual-search/types"
import { ShownProducts } from "./duplicates"
import { nearCopyWorker } from "./near-copy-worker"
import { ResultOrder } from "./category-consensus"
import { cosineIn } from "../../modules/visual-search/embedders/types"
import { normaliseSize, productSizes } from "./prefilter"
import { forgetProducts, regionContext, type RegionContext } from "../offers"
import {
  contextKey,
  predictedFailure,
  recallOffer,
  rememberOffers,
  touchContext,
} from "./offers"
import { startOfferWarmer } from "./offer-warmer"
import { Timings } from "../timings"
import {
  checkPurchasable,
  type Constraints,
  type FilterReason,
  type PurchasableProduct,
} from "./purchasable"

/** How far ahead a search looks for candidates to rule out or price together. */
const LOOKAHEAD = 200

export type VisualSearchResult = {
  results: (PurchasableProduct & { score: number })[]
  duplicates_removed: number
  filtered_out: Record<FilterReason, number>
  embedder: string
  took_ms: number
}

/**
 * The visual search contract: nearest products to a vector, one per
 * near-duplicate cluster, each with at least one variant the shopper can buy.
 * Widens the neighbourhood until `limit` purchasable clusters are found or the
 * index is exhausted.
 */
export async function searchPurchasable(
  container: MedusaContainer,
  input: Constraints & {
    vector: Float32Array
    limit: number
    salesChannelIds: string[]
    excludeProductIds?: string[]
    started: number
    context?: RegionContext
  },
  timings: Timings = new Timings()
): Promise<VisualSearchResult> {
  const service =
    container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const warn = (msg: string) => logger.warn(msg)
  // a product another instance re-indexed (it changed) is forgotten here too: its cached structure may say it is still published or sold in a channel
  service.onRowsChanged(forgetProducts)
  const embedder = await service.getEmbedder()
  if (input.vector.length !== embedder.dimensions) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `query vector has ${input.vector.length} dimensions; ${embedder.id} uses ${embedder.dimensions}`
    )
  }
  const exclude = new Set(input.excludeProductIds ?? [])
  const filtered: Record<FilterReason, number> = {
    out_of_stock: 0,
    no_size: 0,
    over_budget: 0,
    not_in_region: 0,
  }
  let k = Math.max(100, input.limit * 12)
  const checked = new Map<string, PurchasableProduct | FilterReason>()
  let results: (PurchasableProduct & { score: number })[] = []
  let duplicatesRemoved = 0
  let dedupMs = 0
  // the region (404 when unknown), its currency and the locations that ship to it: once per search
  const ctx =
    input.context ??
    (await regionContext(
      container,
      input.region_id,
      input.salesChannelIds,
      timings
    ))
  const sheet = contextKey(input.region_id, input.salesChannelIds)
  touchContext({
    regionId: input.region_id,
    salesChannelIds: input.salesChannelIds,
  })
  startOfferWarmer(container)

  // the first chunk covers a plain search; each further one doubles, so a search whose
  // constraints rule out most candidates needs a few round trips, not dozens
  let chunk = Math.max(16, input.limit + 4)
  for (let round = 0; round < 4; round++) {
    const neighbours = await timings.time("knn", () =>
      service.searchVectors(input.vector, k)
    )
    // the near-copy worker's copy of the index, for its background pass (a no-op while the index is unchanged)
    if (round === 0) {
      const snap = service.indexSnapshot()
      nearCopyWorker(warn).mirror(snap.version, snap.images)
    }
    // best score per product; every image of a product kept for duplicate checks
    const best = new Map<string, number>()
    const kind = new Map<string, number>()
    const images = new Map<string, IndexedImage[]>()
    const excluded: IndexedImage[] = []
    for (const n of neighbours) {
      const pid = n.image.product_id
      if (exclude.has(pid)) {
        excluded.push(n.image)
        continue
      }
      if (!best.has(pid) || n.score > best.get(pid)!) {
        best.set(pid, n.score)
        if (embedder.kind)
          kind.set(pid, cosineIn(n.image.vector, input.vector, embedder.kind))
      }
      images.set(pid, [...(images.get(pid) ?? []), n.image])
    }
    const bySimilarity = [...best.entries()].sort((a, b) => b[1] - a[1])
    const order = await timings.time("rerank", () =>
      ResultOrder.create(container, bySimilarity, embedder.kind && kind)
    )
    const shown = new ShownProducts()
    // "similar to this product" never offers the same item again under another listing
    if (excluded.length) shown.add("(query)", excluded)
    results = []
    duplicatesRemoved = 0
    for (const key of Object.keys(filtered) as FilterReason[]) filtered[key] = 0
    // walk the ranking; purchasability is checked a chunk at a time, only as far as needed
    while (results.length < input.limit) {
      const pid = order.next()
      if (!pid) break
      // a recent offer that cannot meet the constraints: passed over without pricing
      if (!checked.has(pid)) {
        const guess = predictedFailure(sheet, pid, input)
        if (guess) checked.set(pid, guess)
      }
      if (!checked.has(pid) && input.size) {
        // candidates with no offer on the sheet and without the size are ruled out from their structures
        const ahead = [pid, ...order.upcoming(LOOKAHEAD)].filter(
          (id) => !checked.has(id) && !recallOffer(sheet, id)
        )
        if (ahead.length) {
          const sizes = await timings.time("sizes", () =>
            productSizes(container, ahead)
          )
          for (const id of ahead)
            if (!sizes.get(id)!.has(normaliseSize(input.size!)))
              checked.set(id, "no_size")
        }
      }
      if (!checked.has(pid)) {
        // fresh offers for this candidate and the next ones that may pass
        const todo = [
          ...new Set([
            pid,
            ...order.prefetch(
              chunk,
              (id) => !checked.has(id) && !predictedFailure(sheet, id, input),
              LOOKAHEAD
            ),
          ]),
        ]
        chunk = Math.min(chunk * 2, 400)
        // while this thread reads their prices and stock, the near-copy worker makes the checks they will need
        const [fresh] = await Promise.all([
          checkPurchasable(
            container,
            todo,
            input,
            input.salesChannelIds,
            timings,
            ctx,
            (reads) =>
              rememberOffers(input.region_id, input.salesChannelIds, reads)
          ),
          timings.time("dedup_worker", () =>
            shown.decideAhead(
              todo.map((id) => images.get(id) ?? []),
              input.limit - results.length,
              warn
            )
          ),
        ])
        for (const [id, r] of fresh) checked.set(id, r)
      }
      const score = order.score.get(pid)!
      const r = checked.get(pid)!
      // a product the shopper cannot buy is skipped, so a near copy of it that they can buy still shows
      if (typeof r === "string") {
        filtered[r]++
        continue
      }
      const t0 = performance.now()
      const copyOf = shown.duplicateOf(images.get(pid)!)
      dedupMs += performance.now() - t0
      if (copyOf) {
        duplicatesRemoved++
        continue
      }
      shown.add(pid, images.get(pid)!)
      order.shown(pid)
      results.push({ ...r, score: Math.round(score * 10000) / 10000 })
    }
    if (results.length >= input.limit || neighbours.length < k) break
    k *= 4
  }
  timings.add("dedup", dedupMs)
  return {
    results,
    duplicates_removed: duplicatesRemoved,
    filtered_out: filtered,
    embedder: embedder.id,
    took_ms: Date.now() - input.started,
  }
}
