import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { VISUAL_SEARCH_MODULE } from "../../modules/visual-search"
import type VisualSearchModuleService from "../../modules/visual-search/service"
import { garmentCutout } from "../../modules/visual-search/garment-cutout"
import { catalogueTags } from "./catalogue-tags"
import { colourShares } from "./colour-names"
import { LabelSpace, type VoteParams } from "./tag-vote"
import {
  l2normalize,
  type ImageEmbedder,
} from "../../modules/visual-search/embedders/types"

export type Suggestion = { value: string; confidence: number }
export type PhotoTags = {
  vector: Float32Array
  cutout: Buffer
  suggestions: { article_type: Suggestion[]; colour: Suggestion[] }
}

/**
 * Voting parameters, picked with bench/tune-wardrobe-tagging.mjs and measured
 * with `npm run eval:wardrobe` (docs/notes/feat-wardrobe.md).
 */
export const TAGGING = {
  type: {
    centreWeight: 0.3,
    centreTemperature: 0.05,
    knn: 25,
    knnTemperature: 0.05,
  } as VoteParams,
  colour: {
    centreWeight: 0,
    centreTemperature: 0.05,
    knn: 25,
    knnTemperature: 0.05,
  } as VoteParams,
  /** colour = (1 − w) · catalogue vote + w · share of garment pixels nearest to the name */
  colourPixelWeight: 0.3,
  /** suggestions returned per field */
  top: 3,
}

const top = (votes: Map<string, number>): Suggestion[] => {
  const total = [...votes.values()].reduce((a, b) => a + b, 0) || 1
  return [...votes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TAGGING.top)
    .map(([value, v]) => ({
      value,
      confidence: Math.round((v / total) * 1000) / 1000,
    }))
}

let spaces: { key: string; types: LabelSpace; colours: LabelSpace } | null =
  null

/** The catalogue's labelled photos in the type and colour sub-spaces, rebuilt when the index or the catalogue changes. */
async function labelSpaces(
  container: MedusaContainer,
  service: VisualSearchModuleService,
  embedder: ImageEmbedder
) {
  await service.syncIndex()
  const catalogue = await catalogueTags(container)
  const snap = service.indexSnapshot()
  const key = `${embedder.id}|${snap.version}|${catalogue.at}`
  if (spaces?.key === key) return { ...spaces, catalogue }
  const images = [...snap.images()]
  const missing = [...new Set(images.map((i) => i.product_id))].filter(
    (id) => !catalogue.tags.has(id)
  )
  if (missing.length) {
    // products created since the catalogue was read
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "metadata"],
      filters: { id: missing },
    })
    for (const p of data as any[])
      catalogue.tags.set(p.id, {
        article_type: p.metadata?.article_type ?? null,
        base_colour: p.metadata?.base_colour ?? null,
      })
  }
  const kind = embedder.kind ?? [0, embedder.dimensions]
  const colourRange: [number, number] =
    kind[1] < embedder.dimensions
      ? [kind[1], embedder.dimensions]
      : [0, embedder.dimensions]
  const labelled = (field: "article_type" | "base_colour") =>
    images.flatMap((i) => {
      const label = catalogue.tags.get(i.product_id)?.[field]
      return label && label !== "NA"
        ? [{ vector: i.vector, label, product_id: i.product_id }]
        : []
    })
  spaces = {
    key,
    types: new LabelSpace(
      labelled("article_type"),
      embedder.typeNaming ?? kind
    ),
    colours: new LabelSpace(labelled("base_colour"), colourRange),
  }
  return { ...spaces, catalogue }
}

/**
 * Suggests an article type and a colour for a shopper's photo of a garment
 * (already normalised by normalizeUpload), in the catalogue's own names, and
 * makes its cut-out. The garment is separated from its background (several
 * background regions allowed) and both the photo and the cut-out on white are
 * embedded: the cut-out looks like a catalogue photo, the photo keeps what a
 * poor cut loses. Their sum votes, against the catalogue's labelled photos,
 * for the type (in the embedder's type dimensions) and the colour (in its
 * colour dimensions, blended with the garment's own pixels).
 */
export async function tagPhoto(
  container: MedusaContainer,
  jpeg: Buffer
): Promise<PhotoTags> {
  const service =
    container.resolve<VisualSearchModuleService>(VISUAL_SEARCH_MODULE)
  const embedder = await service.getEmbedder()
  const cut = await garmentCutout(jpeg)
  const [[photoVec, cutVec], { types, colours, catalogue }] = await Promise.all(
    [
      embedder.embedImages([jpeg, cut.onWhite]),
      labelSpaces(container, service, embedder),
    ]
  )
  const vector = l2normalize(photoVec.map((x, i) => x + cutVec[i]))
  const typeVotes = types.vote(vector, TAGGING.type)
  const colourVotes = colours.vote(vector, TAGGING.colour)
  const pixelColours = colourShares(
    cut.pixels,
    catalogue.colours.size ? catalogue.colours : undefined
  )
  const w = TAGGING.colourPixelWeight
  const colour = new Map<string, number>()
  for (const [name, v] of colourVotes)
    colour.set(name, (colour.get(name) ?? 0) + (1 - w) * v)
  for (const [name, v] of pixelColours)
    colour.set(name, (colour.get(name) ?? 0) + w * v)
  return {
    vector,
    cutout: cut.cutout,
    suggestions: { article_type: top(typeVotes), colour: top(colour) },
  }
}
