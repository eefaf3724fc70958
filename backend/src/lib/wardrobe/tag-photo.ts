import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { VISUAL_SEARCH_MODULE } from "../../modules/visual-search"
import type VisualSearchModuleService from "../../modules/visual-search/service"
import { garmentCutout } from "../../modules/visual-search/garment-cutout"
import { catalogueTags } from "./catalogue-tags"
import { colourShares } from "./colour-names"

export type Suggestion = { value: string; confidence: number }
export type PhotoTags = {
  vector: Float32Array
  cutout: Buffer
  suggestions: { article_type: Suggestion[]; colour: Suggestion[] }
}

/**
 * How the photo's nearest catalogue products vote. Measured with
 * `npm run eval:wardrobe` (docs/notes/feat-wardrobe.md).
 */
export const TAGGING = {
  /** nearest catalogue products that vote (one vote per product, its closest photo) */
  voters: 25,
  /** vote weight exp((s − s_best) / τ): the closest neighbours count most */
  temperature: 0.05,
  /** colour = α · neighbours' vote + (1 − α) · share of garment pixels nearest to the name */
  colourKnnWeight: Number(process.env.CURATOR_WARDROBE_COLOUR_KNN ?? 0.5),
  /** suggestions returned per field */
  top: 3,
}

const top = (votes: Map<string, number>): Suggestion[] => {
  const total = [...votes.values()].reduce((a, b) => a + b, 0) || 1
  return [...votes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TAGGING.top)
    .map(([value, v]) => ({ value, confidence: Math.round((v / total) * 1000) / 1000 }))
}

/**
 * Suggests an article type and a colour for a shopper's photo of a garment
 * (already normalised by normalizeUpload), in the catalogue's own names, and
 * makes its cut-out. Article type: weighted vote of the nearest catalogue
 * photos. Colour: that vote blended with the garment's own pixels (the
 * background separated by the classic segmentation).
 */
export async function tagPhoto(container: MedusaContainer, jpeg: Buffer): Promise<PhotoTags> {
  const service = container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const embedder = await service.getEmbedder()
  const [[vector], cut, catalogue] = await Promise.all([embedder.embedImages([jpeg]), garmentCutout(jpeg), catalogueTags(container)])
  const neighbours = await service.searchVectors(vector, TAGGING.voters * 3)
  const best = new Map<string, number>()
  for (const n of neighbours) if (!best.has(n.image.product_id) || n.score > best.get(n.image.product_id)!) best.set(n.image.product_id, n.score)
  const voters = [...best.entries()].sort((a, b) => b[1] - a[1]).slice(0, TAGGING.voters)
  const missing = voters.map(([id]) => id).filter((id) => !catalogue.tags.has(id))
  if (missing.length) {
    // products created since the catalogue was read
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: missing } })
    for (const p of data as any[]) catalogue.tags.set(p.id, { article_type: p.metadata?.article_type ?? null, base_colour: p.metadata?.base_colour ?? null })
  }
  const sBest = voters[0]?.[1] ?? 0
  const types = new Map<string, number>()
  const knnColours = new Map<string, number>()
  let weightSum = 0
  for (const [id, s] of voters) {
    const t = catalogue.tags.get(id)
    if (!t) continue
    const w = Math.exp((s - sBest) / TAGGING.temperature)
    weightSum += w
    if (t.article_type) types.set(t.article_type, (types.get(t.article_type) ?? 0) + w)
    if (t.base_colour && t.base_colour !== "NA") knnColours.set(t.base_colour, (knnColours.get(t.base_colour) ?? 0) + w)
  }
  const pixelColours = colourShares(cut.pixels, catalogue.colours.size ? catalogue.colours : undefined)
  const colours = new Map<string, number>()
  const a = TAGGING.colourKnnWeight
  for (const [name, v] of knnColours) colours.set(name, (colours.get(name) ?? 0) + (a * v) / (weightSum || 1))
  for (const [name, v] of pixelColours) colours.set(name, (colours.get(name) ?? 0) + (1 - a) * v)
  return { vector, cutout: cut.cutout, suggestions: { article_type: top(types), colour: top(colours) } }
}
