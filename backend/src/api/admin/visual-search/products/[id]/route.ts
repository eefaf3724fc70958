import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { VISUAL_SEARCH_MODULE } from "../../../../../modules/visual-search"
import type VisualSearchModuleService from "../../../../../modules/visual-search/service"
import { l2normalize } from "../../../../../modules/visual-search/embedders/types"

/** GET /admin/visual-search/products/:id — index state of the product's photos and its 6 nearest products (no shopper constraints). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service =
    req.scope.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "images.url", "thumbnail"],
    filters: { id: req.params.id },
  })
  if (!products.length)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product ${req.params.id} was not found`
    )
  const embedder = await service.getEmbedder()
  const rows = (await service.listImageVectors({
    product_id: req.params.id,
  })) as any[]
  const urls: string[] = ((products[0] as any).images ?? []).map(
    (i: any) => i.url
  )
  const images = urls.map((url) => {
    const row = rows.find(
      (r) => r.image_url === url && r.embedder === embedder.id
    )
    return {
      url,
      status: row?.status ?? "pending",
      error: row?.error ?? null,
      attempts: row?.attempts ?? 0,
      embedder: embedder.id,
    }
  })
  const indexed = await service.indexedImagesOf(req.params.id)
  let similar: {
    id: string
    title: string
    thumbnail: string | null
    score: number
  }[] = []
  if (indexed.length) {
    const mean = new Float32Array(indexed[0].vector.length)
    for (const img of indexed) img.vector.forEach((x, i) => (mean[i] += x))
    const best = new Map<string, number>()
    for (const n of await service.searchVectors(l2normalize(mean), 60)) {
      if (n.image.product_id === req.params.id) continue
      best.set(
        n.image.product_id,
        Math.max(best.get(n.image.product_id) ?? -1, n.score)
      )
    }
    const top = [...best.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "title", "thumbnail"],
      filters: { id: top.map(([id]) => id) },
    })
    similar = top
      .map(([id, score]) => ({
        ...(data as any[]).find((p) => p.id === id),
        score: Math.round(score * 1000) / 1000,
      }))
      .filter((p) => p.id)
  }
  res.json({ embedder: embedder.id, images, similar })
}
