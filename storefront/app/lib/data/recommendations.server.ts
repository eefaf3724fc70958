import { storeRequest } from "./store-fetch.server"

/*
 * Every recommendations call of the storefront (issue #22's store API), and
 * "add these to cart" for a recommended outfit. The customer's token is passed
 * per call.
 */

export type RecItem = {
  slot: string
  product: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
  } | null
  variant: {
    id: string
    size: string | null
    calculated_price: number
    currency_code: string
    in_stock: boolean
  } | null
  owned: boolean
  wardrobe_item_id: string | null
}
export type Recommendation = {
  id: string
  kind: "product" | "outfit"
  score: number
  reason: string
  items: RecItem[]
  context: { region_id: string; occasion?: string; season?: string }
  missing?: { slot: string; reason: string }[]
}
export type RecList = {
  recommendations: Recommendation[]
  filtered_out: Record<string, number>
}

export class RecommendationsError extends Error {
  constructor(
    public status: number,
    message: string
  ) {
    super(message)
  }
}

function ok<T>(r: { status: number; body: any }): T {
  if (r.status >= 200 && r.status < 300) return r.body as T
  throw new RecommendationsError(
    r.status,
    r.body?.message ?? `The recommendations service answered ${r.status}`
  )
}

/** The shopper's current list (GET), or a fresh one for an occasion/season/anchor (POST generate). */
export async function getRecommendations(
  token: string,
  opts: {
    regionId: string
    kind: "product" | "outfit"
    limit?: number
    occasion?: string
    season?: string
    anchor?: { product_id: string } | { wardrobe_item_id: string }
  }
): Promise<RecList> {
  if (opts.occasion || opts.season || opts.anchor)
    return ok(
      await storeRequest(`/store/customers/me/recommendations/generate`, {
        token,
        json: {
          region_id: opts.regionId,
          kind: opts.kind,
          limit: opts.limit,
          ...(opts.occasion ? { occasion: opts.occasion } : {}),
          ...(opts.season ? { season: opts.season } : {}),
          ...(opts.anchor ? { anchor: opts.anchor } : {}),
        },
      })
    )
  return ok(
    await storeRequest(`/store/customers/me/recommendations`, {
      token,
      query: { region_id: opts.regionId, kind: opts.kind, limit: opts.limit },
    })
  )
}

export async function sendFeedback(
  token: string,
  id: string,
  rating: "like" | "dislike",
  reason?: string
) {
  return ok(
    await storeRequest(
      `/store/customers/me/recommendations/${encodeURIComponent(id)}/feedback`,
      { token, json: { rating, ...(reason ? { reason } : {}) } }
    )
  )
}

/** Public lists of the product page; never throw (a panel that cannot load is left out). */
export async function getProductPanel(
  productId: string,
  which: "complete-the-look" | "bought-together",
  opts: { regionId: string; size?: string; token?: string | null }
): Promise<Recommendation[]> {
  try {
    const r = await storeRequest<RecList>(
      `/store/products/${encodeURIComponent(productId)}/${which}`,
      {
        query: { region_id: opts.regionId, size: opts.size },
        token: opts.token,
        timeoutMs: 5000,
      }
    )
    return r.status === 200 ? (r.body.recommendations ?? []) : []
  } catch {
    return []
  }
}
