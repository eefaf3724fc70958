import { sdk } from "../medusa.server"
import { storeRequest } from "./store-fetch.server"

export type LookbookSummary = {
  id: string
  title: string
  handle: string
  description: string | null
  cover_image: string | null
  look_count: number
}

export type LookVariant = {
  id: string
  title: string
  size: string | null
  calculated_price: number | null
  currency_code: string | null
  in_stock: boolean
  quantity: number | null
}

export type LookProduct = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  variants: LookVariant[]
}
export type Hotspot = {
  id: string
  x: number
  y: number
  label: string | null
  variant_id: string | null
  product: LookProduct
}
export type Look = {
  id: string
  title: string | null
  image_url: string
  rank: number
  hotspots: Hotspot[]
}
export type Lookbook = Omit<LookbookSummary, "look_count"> & { looks: Look[] }

/** Published lookbooks for this sales channel; an empty list when the API is unavailable. Never throws. */
export async function listLookbooks(): Promise<LookbookSummary[]> {
  try {
    const { lookbooks } = await sdk.client.fetch<{
      lookbooks: LookbookSummary[]
    }>("/store/lookbooks")
    return lookbooks ?? []
  } catch {
    return []
  }
}

/** One lookbook by handle or id, priced and stocked for the region; null when it is unknown or a draft. */
export async function getLookbook(
  idOrHandle: string,
  regionId: string
): Promise<Lookbook | null> {
  try {
    const { lookbook } = await sdk.client.fetch<{ lookbook: Lookbook }>(
      `/store/lookbooks/${encodeURIComponent(idOrHandle)}`,
      {
        query: { region_id: regionId },
      }
    )
    return {
      ...lookbook,
      looks: [...lookbook.looks].sort((a, b) => a.rank - b.rank),
    }
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null
    throw e
  }
}

export type LookbookEvent =
  | { type: "look_viewed"; look_id: string }
  | { type: "hotspot_opened"; look_id: string; product_id: string }

/** Analytics: fire-and-forget. Returns immediately and swallows every failure — an event must never break a page. */
export function recordLookbookEvent(lookbookId: string, event: LookbookEvent) {
  sdk.client
    .fetch(`/store/lookbooks/${encodeURIComponent(lookbookId)}/events`, {
      method: "POST",
      body: event,
    })
    .catch(() => undefined)
}

export type AddLookItemResult = {
  product_id: string
  variant_id: string
  ok: boolean
  reason?:
    | "not_in_look"
    | "variant_not_of_product"
    | "out_of_stock"
    | "not_priced_in_region"
    | "not_published"
    | "not_in_sales_channel"
  message?: string
}

export type AddLookResult =
  | { ok: true; added: number }
  | { ok: false; status: number; message: string; items: AddLookItemResult[] }

/**
 * Adds the chosen sizes of a look to the cart in one go. The backend adds all or
 * nothing: on 409 the cart is unchanged and `items` says which ones failed and why.
 */
export async function addLookToCart(
  lookbookId: string,
  lookId: string,
  cartId: string,
  items: { product_id: string; variant_id: string; quantity?: number }[]
): Promise<AddLookResult> {
  const { status, body } = await storeRequest<{
    message?: string
    items?: AddLookItemResult[]
  }>(
    `/store/lookbooks/${encodeURIComponent(lookbookId)}/looks/${encodeURIComponent(lookId)}/add-to-cart`,
    { method: "POST", json: { cart_id: cartId, items } }
  )
  if (status >= 200 && status < 300) return { ok: true, added: items.length }
  return {
    ok: false,
    status,
    message: body.message ?? "The look could not be added",
    items: body.items ?? [],
  }
}
