import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { purchasableCards, type SearchCard } from "./cards"
import { engineOfProvider, type SearchEngine } from "./engine-config"
import { PRODUCT_SEARCH_INDEX, sizeKey } from "./documents"
import { respell } from "./spelling"
import { Timings } from "../timings"

export type SearchSort = "relevance" | "price_asc" | "price_desc" | "newest"

export type TextSearchInput = {
  q?: string
  region_id: string
  size?: string
  min_price?: number
  max_price?: number
  colour?: string[]
  article_type?: string[]
  gender?: string[]
  usage?: string[]
  brand?: string[]
  category_id?: string[]
  sort: SearchSort
  limit: number
  offset: number
}

export type SearchFacets = {
  article_type: Record<string, number>
  colour: Record<string, number>
  gender: Record<string, number>
  usage: Record<string, number>
  brand: Record<string, number>
  size: Record<string, number>
  price: { min: number | null; max: number | null }
}

export type TextSearchResult = {
  products: SearchCard[]
  count: number
  facets: SearchFacets
  engine: SearchEngine
  took_ms: number
  /** how the words were matched: exactly, or tolerating typos because exact matching found nothing */
  matched: "exact" | "typo" | "all"
  /** for a query that found nothing: the query with its words spelt as the catalogue spells them */
  did_you_mean?: string
}

const FACET_FIELDS = [
  "article_type",
  "colour",
  "gender",
  "usage",
  "brand",
] as const

const REGION_TTL_MS = 30_000
const knownRegions = new Map<string, number>()

/** A 400 naming the id when the region does not exist (cached briefly: regions rarely change). */
export async function assertRegion(
  container: MedusaContainer,
  regionId: string
) {
  const at = knownRegions.get(regionId)
  if (at && at > Date.now() - REGION_TTL_MS) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "region",
    fields: ["id"],
    filters: { id: regionId },
  })
  if (!data.length)
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Unknown region_id: ${regionId}`
    )
  if (knownRegions.size > 1000) knownRegions.clear()
  knownRegions.set(regionId, Date.now())
}

/** The index filters of a search: region, sales channels, stock, size, budget and attributes. */
export function searchFilters(
  input: Omit<TextSearchInput, "q" | "sort" | "limit" | "offset">,
  salesChannelIds: string[]
) {
  const and: Record<string, unknown>[] = [{ region_id: input.region_id }]
  if (salesChannelIds.length)
    and.push({ sales_channel_ids: { $in: salesChannelIds } })
  // a size in stock in the region implies the product is; without one any in-stock size will do
  and.push(input.size ? { size_keys: sizeKey(input.size) } : { in_stock: true })
  if (input.min_price != null)
    and.push({ price_max: { $gte: input.min_price } })
  if (input.max_price != null)
    and.push({ price_min: { $lte: input.max_price } })
  for (const field of [...FACET_FIELDS, "category_id"] as const) {
    const values = (input as any)[field] as string[] | undefined
    if (values?.length)
      and.push({
        [field === "category_id" ? "category_ids" : field]:
          values.length === 1 ? values[0] : { $in: values },
      })
  }
  return and
}

function toFacets(raw: Record<string, any> | undefined): SearchFacets {
  const values = (f: any) =>
    Object.fromEntries(
      ((f?.values ?? []) as { value: string; count: number }[]).map((v) => [
        v.value,
        Number(v.count),
      ])
    )
  const min =
    raw?.price_min?.type === "stats" && raw.price_min.count
      ? Number(raw.price_min.min)
      : null
  const max =
    raw?.price_max?.type === "stats" && raw.price_max.count
      ? Number(raw.price_max.max)
      : null
  return {
    article_type: values(raw?.article_type),
    colour: values(raw?.colour),
    gender: values(raw?.gender),
    usage: values(raw?.usage),
    brand: values(raw?.brand),
    size: values(raw?.sizes),
    price: { min, max },
  }
}

/** Every order ends on product_id, so offset pages neither repeat nor skip products that tie. */
function order(
  sort: SearchSort,
  hasQuery: boolean
): Record<string, "ASC" | "DESC"> {
  switch (sort) {
    case "price_asc":
      return { price_min: "ASC", product_id: "ASC" }
    case "price_desc":
      return { price_min: "DESC", product_id: "ASC" }
    case "newest":
      return { created_at: "DESC", product_id: "ASC" }
    default:
      return hasQuery
        ? { _score: "DESC", product_id: "ASC" }
        : { created_at: "DESC", product_id: "ASC" }
  }
}

type Totals = { metadata: any; facets?: any }
const totalsByQuery = new Map<string, { at: number; value: Totals }>()
const MAX_TOTALS = 2000

/**
 * The count and facets of a query are most of a search's cost (a count and
 * eight aggregations over every matching document: 90–130 ms for a word-less
 * listing of thousands at 10,000 products on 2 cores), and they are the same
 * for every shopper asking the same thing, whatever the page or sort. So they
 * are kept per words, filters and region for CURATOR_SEARCH_TOTALS_TTL_MS
 * (default 10 s; 0 turns this off): a count may lag a catalogue change by that
 * much (the index itself lags the change's event by a second or so). The page
 * of products is never kept: the buyability rule checks it on every request.
 */
function recallTotals(key: string): Totals | undefined {
  const ttl = Number(process.env.CURATOR_SEARCH_TOTALS_TTL_MS ?? 10_000)
  const hit = totalsByQuery.get(key)
  if (!hit) return undefined
  if (!(ttl > 0) || hit.at <= Date.now() - ttl) {
    totalsByQuery.delete(key)
    return undefined
  }
  return hit.value
}

function rememberTotals(key: string, value: Totals) {
  if (!(Number(process.env.CURATOR_SEARCH_TOTALS_TTL_MS ?? 10_000) > 0)) return
  // oldest first: drop the oldest entry once full
  if (totalsByQuery.size >= MAX_TOTALS)
    totalsByQuery.delete(totalsByQuery.keys().next().value!)
  totalsByQuery.set(key, { at: Date.now(), value })
}

/**
 * Text search over the catalogue of one region. `count` and `facets` come
 * from the index (the whole catalogue under the filters); the page of products
 * shown is checked fresh by the buyability rule. Words are matched exactly
 * first and only when that finds nothing with typo tolerance, so a correctly
 * spelt query is not diluted by near misses.
 */
export async function textSearch(
  container: MedusaContainer,
  input: TextSearchInput,
  salesChannelIds: string[],
  timings = new Timings()
): Promise<TextSearchResult> {
  const started = Date.now()
  await timings.time("region", () => assertRegion(container, input.region_id))
  const searchModule = container.resolve(Modules.SEARCH)
  const engine = engineOfProvider(
    searchModule.getIndex(PRODUCT_SEARCH_INDEX).provider
  )
  const q = input.q?.trim() || undefined
  const filters = { $and: searchFilters(input, salesChannelIds) }
  // the page of hits, and the exact count with the facets, side by side: the provider runs a search's
  // statements one after another (hits, then count, then the facets), so two searches overlap the hits
  // with the rest; a `take: 0` search skips its hits statement
  const run = async (typo: boolean, text = q) => {
    const base = {
      entity: PRODUCT_SEARCH_INDEX,
      fields: ["product_id"],
      filters: { ...filters, ...(text ? { q: text } : {}) } as any,
    }
    const key = JSON.stringify([filters, text ?? null, typo])
    const known = recallTotals(key)
    if (known) timings.add("totals_cached", 0)
    const [page, totals] = await Promise.all([
      searchModule.search({
        ...base,
        pagination: {
          skip: input.offset,
          take: input.limit,
          order: order(input.sort, !!q),
        },
        search_options: {
          typo_tolerance: typo,
          match_strategy: "all",
          count: "none",
        },
      }),
      known ??
        searchModule.search({
          ...base,
          pagination: { skip: 0, take: 0 },
          search_options: {
            typo_tolerance: typo,
            match_strategy: "all",
            count: "exact",
            facets: [
              ...FACET_FIELDS.map((field) => ({
                field,
                type: "value" as const,
                limit: 100,
              })),
              { field: "sizes", type: "value" as const, limit: 100 },
              { field: "price_min", type: "stats" as const },
              { field: "price_max", type: "stats" as const },
            ],
          },
        }),
    ])
    if (!known) rememberTotals(key, totals)
    return { hits: page.hits, metadata: totals.metadata, facets: totals.facets }
  }
  let matched: TextSearchResult["matched"] = q ? "exact" : "all"
  let result = await timings.time("index", () => run(false))
  let corrected: string | null = null
  if (q && !result.metadata.count) {
    // typos, cheapest first: the words respelt as the catalogue spells them (an in-memory
    // vocabulary), matched exactly; then the engine's own typo tolerance (trigram similarity
    // over every document: ~1.4 s at 10,000 products on 2 cores). That last scan runs only
    // for a query with a word the catalogue does not use: when every word is one the
    // catalogue uses ("lavender sarees"), nothing found is the true answer under the filters,
    // and near misses of correctly spelt words would only dilute it.
    const spelt = await timings
      .time("spelling", () => respell(container, q))
      .catch(() => ({ text: null, misspelt: true }))
    corrected = spelt.text
    if (spelt.misspelt) matched = "typo"
    if (corrected)
      result = await timings.time("index_respelt", () => run(false, corrected!))
    if (!result.metadata.count && spelt.misspelt)
      result = await timings.time("index_typo", () => run(true))
  }
  const count = Number(result.metadata.count ?? 0)
  const ids = result.hits.map(
    (h) => ((h.document as any)?.product_id as string) ?? h.id.split(":")[0]
  )
  const products = await timings.time("cards", () =>
    purchasableCards(container, ids, input, salesChannelIds, timings)
  )
  const out: TextSearchResult = {
    products,
    count,
    facets: toFacets(result.facets),
    engine,
    took_ms: 0,
    matched,
  }
  // nothing found even so: a respelling is still worth offering (it may find things without the filters)
  if (q && !count && corrected) out.did_you_mean = corrected
  out.took_ms = Date.now() - started
  return out
}
