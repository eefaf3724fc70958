/**
 * The offer sheet: what each product offers the shoppers of one region through
 * one set of sales channels, as last read by the buyability rule (lib/offers),
 * kept per process. It is a *predictor* only; the decision is always the
 * rule's `judge`.
 *
 * A search uses it to predict: a candidate whose recent read cannot meet the
 * shopper's constraints is passed over without a pricing call. Candidates
 * predicted to pass (or not known) are still checked against fresh data before
 * they are shown, so a stale read can hide a product that just became
 * purchasable (for at most OFFER_TTL_MS, or until the rule forgets the
 * product) but can never show one that is not.
 *
 * A warmer (offer-warmer.ts) keeps the sheet of every context a shopper used
 * recently filled for every indexed product.
 */
import {
  contextKey,
  judge,
  onForget,
  STRUCTURE_TTL_MS,
  type ProductRead,
} from "../offers"
import {
  FILTER_REASON,
  type Constraints,
  type FilterReason,
} from "./purchasable"

export const OFFER_TTL_MS = STRUCTURE_TTL_MS

type Entry = { read: ProductRead; at: number }
export type OfferContext = { regionId: string; salesChannelIds: string[] }

const sheets = new Map<string, Map<string, Entry>>()
const contexts = new Map<string, OfferContext & { lastUsed: number }>()

// the rule forgets a product that changed: so does the sheet, in every context
onForget((ids) => {
  for (const sheet of sheets.values()) for (const id of ids) sheet.delete(id)
})

export { contextKey }

export function rememberOffers(
  regionId: string,
  salesChannelIds: string[],
  reads: Map<string, ProductRead>,
  at = Date.now()
) {
  const key = contextKey(regionId, salesChannelIds)
  for (const [id, read] of reads) rememberOffer(key, id, read, at)
}

export function rememberOffer(
  key: string,
  productId: string,
  read: ProductRead,
  at = Date.now()
) {
  let sheet = sheets.get(key)
  if (!sheet) sheets.set(key, (sheet = new Map()))
  sheet.set(productId, { read, at })
}

/** A recent read of the product in this context, if any. */
export function recallOffer(
  key: string,
  productId: string,
  now = Date.now()
): ProductRead | undefined {
  const e = sheets.get(key)?.get(productId)
  return e && e.at > now - OFFER_TTL_MS ? e.read : undefined
}

/** The reason a recent read says the product fails these constraints (the rule's decision); undefined when it may pass or is not known. */
export function predictedFailure(
  key: string,
  productId: string,
  c: Constraints & { salesChannelIds: string[] }
): FilterReason | undefined {
  const read = recallOffer(key, productId)
  if (!read) return undefined
  const { reason } = judge(read, {
    region_id: c.region_id,
    sales_channel_ids: c.salesChannelIds,
    size: c.size,
    min_price: c.min_price,
    max_price: c.max_price,
  })
  return reason ? FILTER_REASON[reason] : undefined
}

/** Notes that shoppers search in this context (the warmer keeps it filled). */
export function touchContext(ctx: OfferContext) {
  contexts.set(contextKey(ctx.regionId, ctx.salesChannelIds), {
    ...ctx,
    lastUsed: Date.now(),
  })
}

/** Contexts used within `withinMs`. */
export function activeContexts(
  withinMs: number
): (OfferContext & { key: string })[] {
  const now = Date.now()
  return [...contexts.entries()]
    .filter(([, c]) => c.lastUsed > now - withinMs)
    .map(([key, c]) => ({
      key,
      regionId: c.regionId,
      salesChannelIds: c.salesChannelIds,
    }))
}

/** The products of `ids` whose read in this context is missing or older than `maxAgeMs`. */
export function dueForRefresh(
  key: string,
  ids: Iterable<string>,
  maxAgeMs: number
): string[] {
  const sheet = sheets.get(key)
  const cutoff = Date.now() - maxAgeMs
  const out: string[] = []
  for (const id of ids)
    if (!((sheet?.get(id)?.at ?? -Infinity) > cutoff)) out.push(id)
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
