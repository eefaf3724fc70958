import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { VISUAL_SEARCH_MODULE } from "../../modules/visual-search"
import type VisualSearchModuleService from "../../modules/visual-search/service"
import { indexProductImagesWorkflow } from "../../workflows/visual-search/index-product-images"

const BATCH = 16

/** Products with a photo that has no vector of the active embedder yet (new, or indexed by another embedder). */
export async function pendingProductIds(
  container: MedusaContainer
): Promise<{ ids: string[]; images: number; products: number }> {
  const service =
    container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const embedder = await service.getEmbedder()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "thumbnail", "images.url"],
  })
  const rows = (await service.listImageVectors(
    { embedder: embedder.id },
    { select: ["product_id", "image_url"], take: null as any }
  )) as any[]
  const done = new Set(rows.map((r) => `${r.product_id}|${r.image_url}`))
  const stale = new Set(await service.staleProductIds())
  let images = 0
  const ids: string[] = []
  for (const p of products as any[]) {
    const urls = (p.images ?? []).map((i: any) => i?.url).filter(Boolean)
    if (!urls.length && p.thumbnail) urls.push(p.thumbnail)
    images += urls.length
    if (stale.has(p.id) || urls.some((u: string) => !done.has(`${p.id}|${u}`)))
      ids.push(p.id)
  }
  return { ids, images, products: products.length }
}

/**
 * Reindexes products in batches in the background, reporting progress on the
 * service (shown by GET /admin/visual-search/status). One run at a time per process.
 */
export function startReindex(
  container: MedusaContainer,
  productIds?: string[]
) {
  const service =
    container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const p = service.progress
  if (p.running) return { started: false, progress: p }
  Object.assign(p, {
    running: true,
    total: 0,
    done: 0,
    failed: 0,
    started_at: new Date().toISOString(),
    finished_at: null,
    last_errors: [],
  })
  const run = (async () => {
    try {
      const ids = productIds?.length
        ? productIds
        : await (async () => {
            const query = container.resolve(ContainerRegistrationKeys.QUERY)
            const { data } = await query.graph({
              entity: "product",
              fields: ["id"],
            })
            return (data as any[]).map((d) => d.id)
          })()
      p.total = ids.length
      // two batches in flight: one's photos are read and hashed (sharp, the main thread) while the
      // embedder works on the other's; the module writes them one at a time
      let next = 0
      const lane = async () => {
        while (next < ids.length) {
          const batch = ids.slice(next, (next += BATCH))
          try {
            const { result } = await indexProductImagesWorkflow(container).run({
              input: { product_ids: batch },
            })
            p.failed += result.failed.length
            p.last_errors = [...result.failed, ...p.last_errors].slice(0, 10)
            p.done += batch.length
          } catch (e) {
            next = ids.length // the other lane stops after its batch too
            throw e
          }
        }
      }
      const lanes = await Promise.allSettled([lane(), lane()])
      const stopped = lanes.find(
        (l): l is PromiseRejectedResult => l.status === "rejected"
      )
      if (stopped) throw stopped.reason
      logger.info(
        `[visual-search] reindex finished: ${p.done} products, ${p.failed} failed images`
      )
    } catch (e: any) {
      logger.error(`[visual-search] reindex stopped: ${e?.message ?? e}`)
      p.last_errors = [
        { url: "", error: String(e?.message ?? e) },
        ...p.last_errors,
      ].slice(0, 10)
    } finally {
      p.running = false
      p.finished_at = new Date().toISOString()
    }
  })()
  return { started: true, progress: p, done: run }
}

/**
 * `CURATOR_VISUAL_INDEXING=false` turns off indexing photos on product events
 * and the catch-up job (a reindex through the admin API still runs). For
 * stores that never serve photo search, e.g. the text-search benchmark's
 * 10,000-product store, whose seed would otherwise embed every photo.
 */
export const visualIndexingEnabled = () =>
  process.env.CURATOR_VISUAL_INDEXING !== "false"
