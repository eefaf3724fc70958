import { env } from "../env.server"

/*
 * Every call to the shopper's wardrobe (/store/customers/me/wardrobe/…). The
 * customer's token comes from the signed session and is passed per call: the
 * server-side sdk instance is shared by all shoppers. Plain fetch here, like
 * store-fetch.server.ts: uploads are multipart, and 4xx bodies are read.
 */

export type Suggestion = { value: string; confidence: number }
export type WardrobeItem = {
  id: string
  image_url: string | null
  cutout_url: string | null
  article_type: string | null
  colour: string | null
  family: string | null
  brand: string | null
  size: string | null
  price_paid: number | null
  currency_code: string | null
  acquired_at: string | null
  source: "upload" | "order"
  product_id: string | null
  notes: string | null
  archived: boolean
  suggestions?: { article_type: Suggestion[]; colour: Suggestion[] } | null
  similar_products?: {
    product: {
      id: string
      title: string
      handle: string
      thumbnail: string | null
    }
  }[]
  wears?: { id: string; worn_on: string; outfit_id: string | null }[]
  wear_count?: number
  cost_per_wear?: number | null
}
export type Outfit = {
  id: string
  name: string
  notes: string | null
  collage_url: string | null
  items: {
    rank: number
    wardrobe_item_id: string | null
    product_id: string | null
  }[]
}
export type ItemValue = {
  item_id: string
  article_type: string | null
  colour: string | null
  family: string | null
  price_paid: number | null
  currency_code: string | null
  wears: number
  last_worn_on: string | null
  cost_per_wear: number | null
}
export type WardrobeStats = {
  items: number
  value: Record<string, number>
  wears: number
  by_family: { family: string; items: number; value: Record<string, number> }[]
  by_colour: { colour: string; items: number; value: Record<string, number> }[]
  cost_per_wear: ItemValue[]
  best_value: ItemValue[]
  worst_value: ItemValue[]
  never_worn: ItemValue[]
  not_worn_in_90_days: ItemValue[]
  most_worn: ItemValue[]
  palette: { colour: string; items: number; share: number }[]
}

const BASE = "/store/customers/me/wardrobe"

async function call<T>(
  token: string,
  path: string,
  init: {
    method?: string
    json?: unknown
    body?: FormData
    query?: Record<string, string | undefined>
  } = {}
) {
  const url = new URL(path, env.MEDUSA_BACKEND_URL)
  for (const [k, v] of Object.entries(init.query ?? {}))
    if (v) url.searchParams.set(k, v)
  const headers: Record<string, string> = {
    "x-publishable-api-key": env.MEDUSA_PUBLISHABLE_KEY,
    authorization: `Bearer ${token}`,
    accept: "application/json",
  }
  let body: BodyInit | undefined = init.body
  if (init.json !== undefined) {
    headers["content-type"] = "application/json"
    body = JSON.stringify(init.json)
  }
  const res = await fetch(url, {
    method: init.method ?? (body ? "POST" : "GET"),
    headers,
    body,
    signal: AbortSignal.timeout(60_000),
  })
  const parsed = (await res.json().catch(() => ({}))) as T & {
    message?: string
  }
  return { status: res.status, ok: res.ok, body: parsed }
}

export const listItems = (
  token: string,
  filters: Record<string, string | undefined>
) =>
  call<{
    wardrobe_items: WardrobeItem[]
    count: number
    offset: number
    limit: number
  }>(token, `${BASE}/items`, { query: filters })
export const getItem = (token: string, id: string) =>
  call<{ wardrobe_item: WardrobeItem }>(
    token,
    `${BASE}/items/${encodeURIComponent(id)}`
  )
export const addItem = (token: string, form: FormData) =>
  call<{ wardrobe_item: WardrobeItem }>(token, `${BASE}/items`, { body: form })
export const updateItem = (
  token: string,
  id: string,
  fields: Record<string, unknown>
) =>
  call<{ wardrobe_item: WardrobeItem }>(
    token,
    `${BASE}/items/${encodeURIComponent(id)}`,
    { json: fields }
  )
export const deleteItem = (token: string, id: string) =>
  call(token, `${BASE}/items/${encodeURIComponent(id)}`, { method: "DELETE" })
export const logItemWear = (token: string, id: string, date: string) =>
  call<{ logged: boolean; wear_count: number }>(
    token,
    `${BASE}/items/${encodeURIComponent(id)}/wear`,
    { json: { date } }
  )
export const listOutfits = (token: string) =>
  call<{ outfits: Outfit[]; count: number }>(token, `${BASE}/outfits`, {
    query: { limit: "100" },
  })
export const createOutfit = (
  token: string,
  input: { name: string; items: { wardrobe_item_id: string }[] }
) => call<{ outfit: Outfit }>(token, `${BASE}/outfits`, { json: input })
export const deleteOutfit = (token: string, id: string) =>
  call(token, `${BASE}/outfits/${encodeURIComponent(id)}`, { method: "DELETE" })
export const logOutfitWear = (token: string, id: string, date: string) =>
  call(token, `${BASE}/outfits/${encodeURIComponent(id)}/wear`, {
    json: { date },
  })
export const listWears = (token: string, from: string, to: string) =>
  call<{
    wears: {
      id: string
      wardrobe_item_id: string
      outfit_id: string | null
      worn_on: string
    }[]
  }>(token, `${BASE}/wears`, { query: { from, to } })
export const getStats = (token: string) =>
  call<{ stats: WardrobeStats }>(token, `${BASE}/stats`)

/** A private photo (item or collage) streamed through the storefront with the shopper's token: the browser never holds it. */
export async function privateImage(token: string, path: string) {
  // only the wardrobe's own photo routes, never an arbitrary backend path
  if (
    !/^\/store\/customers\/me\/wardrobe\/(items|outfits)\/[\w-]+\/image(\?variant=(original|cutout))?$/.test(
      path
    )
  )
    return null
  return fetch(new URL(path, env.MEDUSA_BACKEND_URL), {
    headers: {
      "x-publishable-api-key": env.MEDUSA_PUBLISHABLE_KEY,
      authorization: `Bearer ${token}`,
    },
    redirect: "manual",
  })
}

/** The storefront URL that shows a wardrobe photo (the backend's owner-only route, proxied). */
export function photoPath(url: string | null) {
  if (!url) return null
  try {
    const u = new URL(url)
    return u.pathname.startsWith(BASE)
      ? `/wardrobe/photo?src=${encodeURIComponent(u.pathname + u.search)}`
      : url
  } catch {
    return url
  }
}
