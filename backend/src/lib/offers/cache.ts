import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Timings } from "../timings"
import { forgetReads } from "./read-cache"
import { AVAILABILITY_FIELDS, regionLocations } from "./region-stock"
import type { ProductSummary, RegionContext } from "./types"

/**
 * The only cache of the buyability rule, and the one place that forgets.
 *
 * - Product *structure* (status, sales channels, variants with their options,
 *   price set and inventory items): changes only when the product is edited.
 *   Kept per process for STRUCTURE_TTL_MS, forgotten at once by
 *   `forgetProducts` (called by the product, price and inventory subscribers,
 *   and by the visual index sync when another instance re-indexed a product).
 * - Prices and stock levels: read fresh by every decision, except decisions
 *   that only display (`fresh: false`), which may use read-cache.ts (a few
 *   seconds, forgotten with the products here and on price/stock events).
 * - Region context (currency, stock locations serving it): REGION_TTL_MS.
 *
 * Several backend instances: an event is handled by one instance; the others
 * forget the product when their visual-index sync reads the rows that event's
 * re-indexing rewrote (a second or so), and in any case after the TTL. Caches
 * built on top (the visual search's offer sheet, category keys) subscribe with
 * `onForget` instead of keeping their own invalidation.
 */
export const STRUCTURE_TTL_MS = Number(
  process.env.CURATOR_OFFER_TTL_MS || 600_000
)
const REGION_TTL_MS = 30_000

export type Structure = {
  at: number
  product: ProductSummary
  status: string
  channels: string[]
  variants: any[]
}

const structures = new Map<string, Structure>()
const regions = new Map<string, { ctx: RegionContext; at: number }>()
const listeners = new Set<(ids: string[]) => void>()

/** Forgets these products (they changed) here and in every cache registered with `onForget`. */
export function forgetProducts(ids: string[]) {
  if (!ids.length) return
  // their cached prices and stock levels (read-cache.ts) go with them
  const variants = ids.flatMap((id) => structures.get(id)?.variants ?? [])
  forgetReads({
    priceSetIds: variants.map((v) => v.price_set?.id).filter(Boolean),
    inventoryItemIds: variants
      .flatMap((v) =>
        (v.inventory_items ?? []).map((it: any) => it?.inventory_item_id)
      )
      .filter(Boolean),
  })
  generation++
  for (const id of ids) structures.delete(id)
  for (const fn of listeners) fn(ids)
}

/** Registers a cache that must forget the products the rule forgets. */
export function onForget(fn: (ids: string[]) => void) {
  listeners.add(fn)
}

export const contextKey = (regionId: string, salesChannelIds: string[]) =>
  `${regionId}|${[...salesChannelIds].sort().join(",")}`

/** The region's currency and the stock locations that ship to it through these channels (404 for an unknown region). */
export async function regionContext(
  container: MedusaContainer,
  regionId: string,
  salesChannelIds: string[],
  timings = new Timings()
): Promise<RegionContext> {
  const key = contextKey(regionId, salesChannelIds)
  const hit = regions.get(key)
  if (hit && hit.at > Date.now() - REGION_TTL_MS) return hit.ctx
  const { region, locationIds } = await timings.time("region", () =>
    regionLocations(container, regionId, salesChannelIds)
  )
  const ctx = {
    region_id: regionId,
    currency: region.currency_code as string,
    locationIds,
  }
  if (regions.size > 1000) regions.clear()
  regions.set(key, { ctx, at: Date.now() })
  return ctx
}

/** The products' structures, from the cache or read now; unknown ids are absent from the map. */
export async function productStructures(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, Structure>> {
  startWarming(container)
  const now = Date.now()
  const out = new Map<string, Structure>()
  const missing: string[] = []
  for (const id of ids) {
    const s = structures.get(id)
    if (s && s.at > now - STRUCTURE_TTL_MS) out.set(id, s)
    else missing.push(id)
  }
  if (missing.length)
    for (const [id, s] of await readStructures(container, missing))
      out.set(id, s)
  if (!missing.length) return out
  // in the order asked
  return new Map(
    ids.filter((id) => out.has(id)).map((id) => [id, out.get(id)!])
  )
}

/** Bumped by every forget: a read that overlapped one does not store what it read. */
let generation = 0

/** Reads these products' structures now and keeps them (unless a forget overlapped the read). */
async function readStructures(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, Structure>> {
  const started = generation
  const now = Date.now()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "handle",
      "thumbnail",
      "status",
      "sales_channels.id",
      "variants.title",
      "variants.price_set.id",
      ...AVAILABILITY_FIELDS.map((f) => `variants.${f}`),
    ],
    filters: { id: ids },
  })
  const out = new Map<string, Structure>()
  for (const p of data as any[]) {
    out.set(p.id, {
      at: now,
      product: {
        id: p.id,
        title: p.title,
        handle: p.handle,
        thumbnail: p.thumbnail ?? null,
      },
      status: p.status,
      channels: (p.sales_channels ?? []).map((s: any) => s?.id).filter(Boolean),
      variants: (p.variants ?? [])
        .filter(Boolean)
        .map((v: any) => ({ ...v, product_id: p.id })),
    })
  }
  if (started === generation) {
    if (structures.size > MAX_STRUCTURES) structures.clear()
    for (const [id, s] of out) structures.set(id, s)
  }
  return out
}

const MAX_STRUCTURES = 200_000

/**
 * Warm-up: a structure read is a cross-module query (product, variants, price
 * sets, inventory items, sales channels; 35–75 ms for a page of 24 cold
 * products at 10,000), and a page whose products are not cached pays for all
 * of them. So the first use in a process starts reading every product's
 * structure in the background, in batches with pauses between them, and does
 * it again every half TTL, so the catalogue's structures are kept rather than
 * read on a shopper's request. Capped at CURATOR_OFFER_WARM_LIMIT products
 * (default 20,000; 0 turns it off): beyond that the least-read products are
 * read on demand as before. Forgetting is unchanged (events and the TTL).
 */
let warming = false
let warmedAt = -Infinity

const warmLimit = () => Number(process.env.CURATOR_OFFER_WARM_LIMIT ?? 20_000)

/** Starts the warm-up unless it runs or ran less than half a TTL ago (the first use of the cache, and the warm-offers job at boot). */
export function startWarming(container: MedusaContainer) {
  if (
    !(warmLimit() > 0) ||
    warming ||
    Date.now() - warmedAt < STRUCTURE_TTL_MS / 2
  )
    return
  warmStructures(container).catch(() => {
    // a warm-up that fails (a database going away at shutdown) only leaves reads to demand
  })
}

/** Reads the structures of the catalogue's products (up to the limit) that are not cached or half way to their TTL. */
export async function warmStructures(container: MedusaContainer) {
  warming = true
  const t0 = Date.now()
  try {
    const n = await warmCatalogue(container, warmLimit())
    // the first warm-up of a process is worth a line; the refreshes are not
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger[warmedAt === -Infinity ? "info" : "debug"](
      `offers: read ${n} product structures in ${Date.now() - t0} ms`
    )
  } finally {
    warming = false
    warmedAt = Date.now()
  }
}

const WARM_PAGE = 500
const WARM_BATCH = 50

async function warmCatalogue(
  container: MedusaContainer,
  limit: number
): Promise<number> {
  let read = 0
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pause = () => new Promise((r) => setTimeout(r, 25).unref?.())
  for (let skip = 0; skip < limit; skip += WARM_PAGE) {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id"],
      pagination: {
        skip,
        take: Math.min(WARM_PAGE, limit - skip),
        order: { id: "ASC" },
      },
    })
    const fresh = Date.now() - STRUCTURE_TTL_MS / 2
    const stale = (data as any[])
      .map((p) => p.id as string)
      .filter((id) => !((structures.get(id)?.at ?? -Infinity) > fresh))
    for (let i = 0; i < stale.length; i += WARM_BATCH) {
      read += (await readStructures(container, stale.slice(i, i + WARM_BATCH)))
        .size
      await pause()
    }
    if (data.length < WARM_PAGE) break
  }
  return read
}

/** The products (with a cached structure) whose variants draw on these inventory items. */
export function productsOfInventoryItems(itemIds: string[]): string[] {
  const wanted = new Set(itemIds)
  return productsWhere((v) =>
    (v.inventory_items ?? []).some((it: any) =>
      wanted.has(it?.inventory_item_id)
    )
  )
}

/** The products (with a cached structure) whose variants are priced by these price sets. */
export function productsOfPriceSets(priceSetIds: string[]): string[] {
  const wanted = new Set(priceSetIds)
  return productsWhere((v) => wanted.has(v.price_set?.id))
}

function productsWhere(test: (variant: any) => boolean): string[] {
  const out: string[] = []
  for (const [id, s] of structures) if (s.variants.some(test)) out.push(id)
  return out
}
