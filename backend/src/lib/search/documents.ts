import {
  ContainerRegistrationKeys,
  QueryContext,
} from "@medusajs/framework/utils"
import type {
  MedusaContainer,
  RemoteQueryFunction,
} from "@medusajs/framework/types"
import { regionLocations, variantSize } from "../offers/region-stock"
import { synonymsFor } from "./synonyms"

/**
 * One search document per (product, region) the product is priced in: the
 * words a shopper may type, the facets, and what the Search Module cannot
 * express by itself — the product's price range in the region and the sizes
 * in stock in a warehouse that ships to the region (any sales channel). These
 * keep `count` and facets catalogue-wide; what is finally shown is still
 * checked fresh by the shared buyability rule (cards.ts).
 */
export type ProductSearchDocument = {
  id: string
  product_id: string
  region_id: string
  currency_code: string
  title: string
  handle: string
  thumbnail: string | null
  description: string | null
  brand: string | null
  article_type: string | null
  colour: string | null
  gender: string | null
  usage: string | null
  season: string | null
  categories: string[]
  category_ids: string[]
  tags: string[]
  synonyms: string | null
  sales_channel_ids: string[]
  sizes: string[]
  /** `sizes` trimmed and lower-cased: the size filter is case-insensitive, as the buyability rule is */
  size_keys: string[]
  in_stock: boolean
  price_min: number
  price_max: number
  created_at: string
}

/** The name of the product text-search index (src/search/product.ts). */
export const PRODUCT_SEARCH_INDEX = "product_search"

export const sizeKey = (size: string) => size.trim().toLowerCase()

export const documentId = (productId: string, regionId: string) =>
  `${productId}:${regionId}`
export const productIdOfDocument = (id: string) => id.split(":")[0]

const PRODUCT_FIELDS = [
  "id",
  "title",
  "handle",
  "description",
  "thumbnail",
  "status",
  "created_at",
  "metadata",
  "categories.id",
  "categories.name",
  "tags.value",
  "sales_channels.id",
  "variants.id",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.options.value",
  "variants.options.option.title",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.id",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
]

type RegionInfo = {
  id: string
  currency_code: string
  locationIds: Set<string>
}

const REGIONS_TTL_MS = 30_000
let regionsCache: { at: number; regions: Promise<RegionInfo[]> } | null = null

/** Regions and the stock locations that ship to each (any sales channel), cached briefly: event bursts rebuild many products. */
export async function loadRegions(
  query: RemoteQueryFunction
): Promise<RegionInfo[]> {
  if (regionsCache && regionsCache.at > Date.now() - REGIONS_TTL_MS)
    return regionsCache.regions
  const regions = readRegions(query)
  regionsCache = { at: Date.now(), regions }
  // a store still being set up (no region, or one without a warehouse yet) is not remembered
  regions.then(
    (list) => {
      if (!list.length || list.some((r) => !r.locationIds.size))
        regionsCache = null
    },
    () => (regionsCache = null)
  )
  return regions
}

async function readRegions(query: RemoteQueryFunction): Promise<RegionInfo[]> {
  const shim = { resolve: () => query } as unknown as MedusaContainer
  const { data } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code"],
  })
  return await Promise.all(
    (data as any[]).map(async (r) => ({
      id: r.id,
      currency_code: r.currency_code,
      locationIds: (await regionLocations(shim, r.id, [])).locationIds,
    }))
  )
}

/** Units of a loaded variant a shopper of a region with these locations can have (Infinity when not managed). */
function availableUnits(v: any, locationIds: Set<string>): number {
  if (!v.manage_inventory || v.allow_backorder) return Infinity
  const items = (v.inventory_items ?? []).filter((it: any) => it?.inventory)
  if (!items.length) return 0
  return Math.min(
    ...items.map((it: any) => {
      const free = (it.inventory.location_levels ?? [])
        .filter((l: any) => locationIds.has(l?.location_id))
        .reduce(
          (n: number, l: any) =>
            n +
            Math.max(
              0,
              Number(l.stocked_quantity ?? 0) - Number(l.reserved_quantity ?? 0)
            ),
          0
        )
      return Math.floor(free / Math.max(1, Number(it.required_quantity ?? 1)))
    })
  )
}

const label = (v: unknown) =>
  typeof v === "string" && v.trim() && v !== "NA" ? v.trim() : null

/**
 * The documents of these products, for every region. A product that is not
 * published, deleted, or priced in no region yields none — the caller deletes
 * whatever the index still holds for it.
 */
export async function buildProductDocuments(
  query: RemoteQueryFunction,
  productIds: string[],
  regions?: RegionInfo[]
): Promise<ProductSearchDocument[]> {
  if (!productIds.length) return []
  const regionList = regions ?? (await loadRegions(query))
  const { data: products } = await query.graph({
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters: { id: productIds, status: "published" } as any,
  })
  if (!products.length) return []
  const variantIds = (products as any[])
    .flatMap((p) => (p.variants ?? []).map((v: any) => v?.id))
    .filter(Boolean)
  const priceByRegion = new Map<string, Map<string, number>>()
  await Promise.all(
    regionList.map(async (r) => {
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["id", "calculated_price.calculated_amount"],
        filters: { id: variantIds },
        context: {
          calculated_price: QueryContext({
            region_id: r.id,
            currency_code: r.currency_code,
          }),
        },
      })
      const prices = new Map<string, number>()
      for (const v of data as any[]) {
        const amount = v.calculated_price?.calculated_amount
        if (amount != null) prices.set(v.id, Number(amount))
      }
      priceByRegion.set(r.id, prices)
    })
  )
  const docs: ProductSearchDocument[] = []
  for (const p of products as any[]) {
    const m = p.metadata ?? {}
    const categories = (p.categories ?? []).filter(Boolean)
    const articleType = label(m.article_type)
    const base = {
      product_id: p.id,
      title: p.title,
      handle: p.handle,
      thumbnail: p.thumbnail ?? null,
      description: p.description ?? null,
      brand: label(m.brand),
      article_type: articleType,
      colour: label(m.base_colour),
      gender: label(m.gender),
      usage: label(m.usage),
      season: label(m.season),
      categories: categories.map((c: any) => c.name),
      category_ids: categories.map((c: any) => c.id),
      tags: (p.tags ?? []).map((t: any) => t?.value).filter(Boolean),
      sales_channel_ids: (p.sales_channels ?? [])
        .map((s: any) => s?.id)
        .filter(Boolean),
      created_at: new Date(p.created_at).toISOString(),
    }
    const synonyms =
      synonymsFor([p.title, articleType, ...base.categories]).join(" ") || null
    for (const r of regionList) {
      const prices = priceByRegion.get(r.id)!
      const priced = (p.variants ?? []).filter(
        (v: any) => v && prices.has(v.id)
      )
      if (!priced.length) continue
      const amounts = priced.map((v: any) => prices.get(v.id)!)
      const inStock = priced.filter(
        (v: any) => availableUnits(v, r.locationIds) > 0
      )
      docs.push({
        id: documentId(p.id, r.id),
        region_id: r.id,
        currency_code: r.currency_code,
        ...base,
        synonyms,
        sizes: [
          ...new Set(
            inStock.map((v: any) => variantSize(v)).filter(Boolean) as string[]
          ),
        ],
        size_keys: [
          ...new Set(
            inStock
              .map((v: any) => variantSize(v))
              .filter(Boolean)
              .map((s: string) => sizeKey(s))
          ),
        ] as string[],
        in_stock: inStock.length > 0,
        price_min: Math.min(...amounts),
        price_max: Math.max(...amounts),
      })
    }
  }
  return docs
}

export const queryOf = (container: MedusaContainer) =>
  container.resolve(ContainerRegistrationKeys.QUERY)
