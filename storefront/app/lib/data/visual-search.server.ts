import { storeRequest } from "./store-fetch.server"

export type VisualSearchVariant = {
  id: string
  title: string
  size: string | null
  calculated_price: number | null
  currency_code: string | null
  in_stock: boolean
}
export type VisualSearchResult = {
  product: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
  }
  variants: VisualSearchVariant[]
  score: number
}
export type VisualSearchResponse = {
  results: VisualSearchResult[]
  duplicates_removed: number
  filtered_out: {
    out_of_stock: number
    no_size: number
    over_budget: number
    not_in_region: number
  }
  embedder: string
  took_ms: number
}

export type VisualSearchOutcome =
  | { ok: true; data: VisualSearchResponse }
  | { ok: false; status: number; message: string }

/**
 * POST /store/visual-search with the photo as multipart. Plain fetch: the js-sdk's
 * JSON client does not send FormData. The photo is forwarded, never stored.
 */
export async function visualSearch(
  image: Blob,
  filename: string,
  params: {
    regionId: string
    size?: string
    minPrice?: number
    maxPrice?: number
    limit?: number
  }
): Promise<VisualSearchOutcome> {
  const body = new FormData()
  body.append("image", image, filename || "photo")
  try {
    const { status, body: json } = await storeRequest<
      VisualSearchResponse & { message?: string }
    >("/store/visual-search", {
      method: "POST",
      body,
      query: {
        region_id: params.regionId,
        size: params.size,
        min_price: params.minPrice,
        max_price: params.maxPrice,
        limit: params.limit,
      },
      timeoutMs: 60_000,
    })
    if (status >= 200 && status < 300) return { ok: true, data: json }
    return {
      ok: false,
      status,
      message: json.message ?? `Search failed (HTTP ${status})`,
    }
  } catch {
    return {
      ok: false,
      status: 503,
      message:
        "Photo search is unavailable right now. Please try again in a moment.",
    }
  }
}
