import type { ProductCardData } from "~/components/ProductCard"
import { storeRequest } from "./store-fetch.server"

export type SearchCard = {
  product: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
  }
  variants: {
    id: string
    title: string
    size: string | null
    calculated_price: number
    currency_code: string
    in_stock: boolean
  }[]
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
export type SearchResponse = {
  products: SearchCard[]
  count: number
  facets: SearchFacets
  engine: string
  took_ms: number
  matched: "exact" | "typo" | "all"
  did_you_mean?: string
}
export type Suggestions = {
  products: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
  }[]
  categories: { id: string; name: string; handle: string }[]
  brands: string[]
}
export type SearchParams = {
  q?: string
  regionId: string
  size?: string
  minPrice?: number
  maxPrice?: number
  colour?: string
  articleType?: string
  gender?: string
  categoryIds?: string[]
  sort?: "relevance" | "price_asc" | "price_desc" | "newest"
  limit: number
  offset: number
}

const EMPTY_FACETS: SearchFacets = {
  article_type: {},
  colour: {},
  gender: {},
  usage: {},
  brand: {},
  size: {},
  price: { min: null, max: null },
}

/** GET /store/search: products a shopper of the region can buy, with catalogue-wide count and facets. Never throws. */
export async function searchProducts(
  p: SearchParams
): Promise<
  | { ok: true; data: SearchResponse }
  | { ok: false; data: SearchResponse; message: string }
> {
  const empty: SearchResponse = {
    products: [],
    count: 0,
    facets: EMPTY_FACETS,
    engine: "",
    took_ms: 0,
    matched: "all",
  }
  try {
    const { status, body } = await storeRequest<
      SearchResponse & { message?: string }
    >("/store/search", {
      query: {
        q: p.q,
        region_id: p.regionId,
        size: p.size,
        min_price: p.minPrice,
        max_price: p.maxPrice,
        colour: p.colour,
        article_type: p.articleType,
        gender: p.gender,
        category_id: p.categoryIds?.length
          ? p.categoryIds.join(",")
          : undefined,
        sort: p.sort,
        limit: p.limit,
        offset: p.offset,
      },
    })
    if (status >= 200 && status < 300) return { ok: true, data: body }
    return {
      ok: false,
      data: empty,
      message: body.message ?? `Search failed (HTTP ${status})`,
    }
  } catch {
    return {
      ok: false,
      data: empty,
      message: "Search is unavailable right now. Please try again in a moment.",
    }
  }
}

/** GET /store/search/suggest for the header's autocomplete. Never throws: no suggestions on failure. */
export async function suggestSearch(
  q: string,
  regionId?: string
): Promise<Suggestions> {
  try {
    const { status, body } = await storeRequest<Suggestions>(
      "/store/search/suggest",
      { query: { q, region_id: regionId, limit: 6 }, timeoutMs: 3_000 }
    )
    return status === 200 ? body : { products: [], categories: [], brands: [] }
  } catch {
    return { products: [], categories: [], brands: [] }
  }
}

/** A search card as the storefront's product grid shows it: the cheapest buyable price and the sizes in stock. */
export function toGridCard(card: SearchCard): ProductCardData {
  const cheapest = [...card.variants].sort(
    (a, b) => a.calculated_price - b.calculated_price
  )[0]
  return {
    id: card.product.id,
    title: card.product.title,
    handle: card.product.handle,
    thumbnail: card.product.thumbnail,
    price: cheapest
      ? { amount: cheapest.calculated_price, currency: cheapest.currency_code }
      : null,
    sizes: [
      ...new Set(card.variants.map((v) => v.size).filter(Boolean) as string[]),
    ],
  }
}
