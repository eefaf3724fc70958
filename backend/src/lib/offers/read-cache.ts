/**
 * A short-lived cache of the two facts the rule reads on every decision —
 * calculated prices (per price set and region) and free stock (per inventory
 * item and set of locations) — for decisions that only choose what to SHOW
 * (search result cards, listings). A caller opts in with `fresh: false`;
 * everything else, and every path guarding a write (adding to a cart), reads
 * both straight from the Pricing and Inventory modules as before.
 *
 * An entry lives at most `readTtlMs()` and is forgotten at once by the events
 * that already forget product structure: a price created/changed/removed
 * (its price set), a stock level or reservation moved (its inventory item),
 * and any `forgetProducts` (every price set and item of those products).
 * A read that started before a forget does not store what it read.
 *
 * Several backend instances: an event reaches one of them, so another may show
 * a price or stock state up to that TTL old; decisions that write never use
 * this cache.
 */
/** How long a read may serve displays, in ms (`CURATOR_OFFER_READ_TTL_MS`, default 5,000; 0 turns the cache off). */
export const readTtlMs = () =>
  Math.max(0, Number(process.env.CURATOR_OFFER_READ_TTL_MS ?? 5_000) || 0)
const MAX_KEYS = 100_000

type Entry<T> = { at: number; value: T }

// price set id → region key → the Pricing module's calculated price (null: not priced there)
const prices = new Map<string, Map<string, Entry<any | null>>>()
// inventory item id → location key → free units (stocked − reserved) over those locations
const levels = new Map<string, Map<string, Entry<number>>>()
let generation = 0

/** Forgets the cached prices of these price sets and the stock of these inventory items. */
export function forgetReads({
  priceSetIds = [],
  inventoryItemIds = [],
}: {
  priceSetIds?: string[]
  inventoryItemIds?: string[]
}) {
  if (!priceSetIds.length && !inventoryItemIds.length) return
  generation++
  for (const id of priceSetIds) prices.delete(id)
  for (const id of inventoryItemIds) levels.delete(id)
}

/** Everything (tests, and a reconfigured store). */
export function forgetAllReads() {
  generation++
  prices.clear()
  levels.clear()
}

async function throughCache<T>(
  store: Map<string, Map<string, Entry<T>>>,
  ids: string[],
  key: string,
  fresh: boolean,
  read: (missing: string[]) => Promise<Map<string, T>>,
  absent: T
): Promise<{ values: Map<string, T>; hits: number }> {
  const now = Date.now()
  const ttl = readTtlMs()
  const values = new Map<string, T>()
  const missing: string[] = []
  for (const id of ids) {
    const hit = fresh || !ttl ? undefined : store.get(id)?.get(key)
    if (hit && hit.at > now - ttl) values.set(id, hit.value)
    else missing.push(id)
  }
  if (!missing.length) return { values, hits: ids.length }
  const started = generation
  const read_ = await read(missing)
  // a forget while reading: what was read may predate the change, so keep it out of the cache
  const keep = ttl > 0 && started === generation
  if (keep && store.size + missing.length > MAX_KEYS) store.clear()
  for (const id of missing) {
    const value = read_.has(id) ? read_.get(id)! : absent
    values.set(id, value)
    if (!keep) continue
    let byKey = store.get(id)
    if (!byKey) store.set(id, (byKey = new Map()))
    byKey.set(key, { at: Date.now(), value })
  }
  return { values, hits: ids.length - missing.length }
}

/** Calculated prices of these price sets in a region: cached unless `fresh`. */
export function pricesThroughCache(
  priceSetIds: string[],
  regionKey: string,
  fresh: boolean,
  read: (missing: string[]) => Promise<Map<string, any>>
) {
  return throughCache<any | null>(
    prices,
    priceSetIds,
    regionKey,
    fresh,
    read,
    null
  )
}

/** Free units of these inventory items over a set of locations: cached unless `fresh`. */
export function levelsThroughCache(
  inventoryItemIds: string[],
  locationKey: string,
  fresh: boolean,
  read: (missing: string[]) => Promise<Map<string, number>>
) {
  return throughCache<number>(
    levels,
    inventoryItemIds,
    locationKey,
    fresh,
    read,
    0
  )
}
