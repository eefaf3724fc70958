/**
 * The offer sheet: what each product offers the shoppers of one region through
 * one set of sales channels — per variant its size, its price in the region
 * and whether a location serving the region holds it — as last read from
 * Medusa, kept per process.
 *
 * A search uses it to *predict*: a candidate whose recent offer cannot meet the
 * shopper's constraints is passed over without a pricing call. Candidates
 * predicted to pass (or not known) are still checked against fresh data before
 * they are shown, so a stale offer can hide a product that just became
 * purchasable (for at most TTL_MS, or until this process sees the product's
 * `product.*` event) but can never show one that is not.
 *
 * A warmer keeps the sheet of every context a shopper used recently filled for
 * every indexed product, refreshing entries before they expire, a chunk at a
 * time, so that searches rarely price a candidate they will not show.
 */
import type { FilterReason, Constraints, PurchasableProduct } from "./purchasable"

export const OFFER_TTL_MS = Number(process.env.CURATOR_OFFER_TTL_MS || 600_000)

export type OfferVariant = { id: string; title: string; size: string | null; amount: number | null; currency: string; in_stock: boolean }
/** `partial`: only the variants of one size were read (a search for that size); never kept on the sheet. */
export type Offer = { sold: boolean; product: PurchasableProduct["product"]; variants: OfferVariant[]; partial?: boolean }

type Entry = { offer: Offer; at: number }
export type OfferContext = { regionId: string; salesChannelIds: string[] }

const sheets = new Map<string, Map<string, Entry>>()
const contexts = new Map<string, OfferContext & { lastUsed: number }>()

export const contextKey = (regionId: string, salesChannelIds: string[]) => `${regionId}|${[...salesChannelIds].sort().join(",")}`

export const sameSize = (a: string | null, b: string) => !!a && a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * The decision of the search contract for one offer: the variants this shopper
 * can buy, or the first constraint that ruled the product out.
 */
export function judge(offer: Offer, c: Constraints): PurchasableProduct | FilterReason {
  const priced = offer.variants.filter((v) => v.amount != null)
  if (!offer.sold || !priced.length) return "not_in_region"
  const sized = c.size ? priced.filter((v) => sameSize(v.size, c.size!)) : priced
  if (!sized.length) return "no_size"
  const inStock = sized.filter((v) => v.in_stock)
  if (!inStock.length) return "out_of_stock"
  const affordable = inStock.filter((v) => (c.min_price == null || v.amount! >= c.min_price) && (c.max_price == null || v.amount! <= c.max_price))
  if (!affordable.length) return "over_budget"
  return {
    product: offer.product,
    variants: affordable.map((v) => ({ id: v.id, title: v.title, size: v.size, calculated_price: v.amount!, currency_code: v.currency, in_stock: true })),
  }
}

export function rememberOffer(key: string, productId: string, offer: Offer, at = Date.now()) {
  let sheet = sheets.get(key)
  if (!sheet) sheets.set(key, (sheet = new Map()))
  sheet.set(productId, { offer, at })
}

/** A recent offer of the product in this context, if any. */
export function recallOffer(key: string, productId: string, now = Date.now()): Offer | undefined {
  const e = sheets.get(key)?.get(productId)
  return e && e.at > now - OFFER_TTL_MS ? e.offer : undefined
}

/** The reason a recent offer says the product fails these constraints; undefined when it may pass or is not known. */
export function predictedFailure(key: string, productId: string, c: Constraints): FilterReason | undefined {
  const offer = recallOffer(key, productId)
  if (!offer) return undefined
  const r = judge(offer, c)
  return typeof r === "string" ? r : undefined
}

/** Forgets these products everywhere (they changed). */
export function forgetOffers(ids: string[]) {
  for (const sheet of sheets.values()) for (const id of ids) sheet.delete(id)
}

/** Notes that shoppers search in this context (the warmer keeps it filled). */
export function touchContext(ctx: OfferContext) {
  contexts.set(contextKey(ctx.regionId, ctx.salesChannelIds), { ...ctx, lastUsed: Date.now() })
}

/** Contexts used within `withinMs`. */
export function activeContexts(withinMs: number): (OfferContext & { key: string })[] {
  const now = Date.now()
  return [...contexts.entries()].filter(([, c]) => c.lastUsed > now - withinMs).map(([key, c]) => ({ key, regionId: c.regionId, salesChannelIds: c.salesChannelIds }))
}

/** The products of `ids` whose offer in this context is missing or older than `maxAgeMs`. */
export function dueForRefresh(key: string, ids: Iterable<string>, maxAgeMs: number): string[] {
  const sheet = sheets.get(key)
  const cutoff = Date.now() - maxAgeMs
  const out: string[] = []
  for (const id of ids) if (!((sheet?.get(id)?.at ?? -Infinity) > cutoff)) out.push(id)
  return out
}

export function offerStats() {
  const now = Date.now()
  return [...sheets.entries()].map(([key, sheet]) => {
    let fresh = 0
    for (const e of sheet.values()) if (e.at > now - OFFER_TTL_MS) fresh++
    return { context: key, products: sheet.size, fresh }
  })
}

/** For tests. */
export function clearOffers() {
  sheets.clear()
  contexts.clear()
}
