import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AVAILABILITY_FIELDS, availabilityOf, regionLocations, variantSize, type StockContext } from "../region-stock"
import { Timings } from "../timings"
import { contextKey, judge, OFFER_TTL_MS, rememberOffer, sameSize, type Offer } from "./offers"

export type Constraints = { region_id: string; size?: string; min_price?: number; max_price?: number }
export type FilterReason = "out_of_stock" | "no_size" | "over_budget" | "not_in_region"

export type PurchasableProduct = {
  product: { id: string; title: string; handle: string; thumbnail: string | null }
  variants: { id: string; title: string; size: string | null; calculated_price: number; currency_code: string; in_stock: boolean }[]
}

/** The region of a search, or a 404 naming the id. */
export async function loadRegion(container: MedusaContainer, regionId: string): Promise<{ id: string; currency_code: string }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: regionId } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Region ${regionId} was not found`)
  return data[0] as any
}

/** What every chunk of one search shares: the region's currency and the locations that ship to it. */
export type PurchasableContext = { currency: string; stock: StockContext }

/** Regions and their shipping locations change rarely: each context is resolved at most every CONTEXT_TTL_MS. */
const CONTEXT_TTL_MS = 30_000
const contexts = new Map<string, { ctx: PurchasableContext; at: number }>()

export async function purchasableContext(container: MedusaContainer, regionId: string, salesChannelIds: string[], timings = new Timings()): Promise<PurchasableContext> {
  const key = contextKey(regionId, salesChannelIds)
  const hit = contexts.get(key)
  if (hit && hit.at > Date.now() - CONTEXT_TTL_MS) return hit.ctx
  const { region, locationIds } = await timings.time("region", () => regionLocations(container, regionId, salesChannelIds))
  const ctx = { currency: (region as any).currency_code, stock: { locationIds } }
  if (contexts.size > 1000) contexts.clear()
  contexts.set(key, { ctx, at: Date.now() })
  return ctx
}

/**
 * A product's shape as a search needs it: status, sales channels, and per
 * variant its title, options, price set and inventory items. It changes only
 * when the product is edited, so it is cached per process for STRUCTURE_TTL_MS
 * and forgotten on the product's `product.*` event (forgetStructures), on the
 * instance that got the event at once and on the others when their index sync
 * reads the rows that event's re-indexing rewrote (search.ts). Prices
 * and stock, which change without such an event, are never cached here.
 */
type Structure = { at: number; product: Offer["product"]; status: string; channels: string[]; variants: any[] }
const STRUCTURE_TTL_MS = OFFER_TTL_MS
const structures = new Map<string, Structure>()

export function forgetStructures(ids: string[]) {
  for (const id of ids) structures.delete(id)
}

export async function productStructures(container: MedusaContainer, ids: string[]): Promise<Map<string, Structure>> {
  const now = Date.now()
  const missing = ids.filter((id) => !((structures.get(id)?.at ?? -Infinity) > now - STRUCTURE_TTL_MS))
  if (missing.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "title", "handle", "thumbnail", "status", "sales_channels.id", "variants.title", "variants.price_set.id", ...AVAILABILITY_FIELDS.map((f) => `variants.${f}`)],
      filters: { id: missing },
    })
    if (structures.size > 200_000) structures.clear()
    for (const p of data as any[]) {
      structures.set(p.id, {
        at: now,
        product: { id: p.id, title: p.title, handle: p.handle, thumbnail: p.thumbnail ?? null },
        status: p.status,
        channels: (p.sales_channels ?? []).map((s: any) => s?.id).filter(Boolean),
        variants: (p.variants ?? []).filter(Boolean).map((v: any) => ({ ...v, product_id: p.id })),
      })
    }
  }
  const out = new Map<string, Structure>()
  for (const id of ids) {
    const s = structures.get(id)
    if (s) out.set(id, s)
  }
  return out
}

/**
 * Fresh offers of these products to shoppers of the context's region: prices
 * straight from the Pricing module and stock levels of the region's locations
 * straight from the Inventory module (both read now, side by side), on the
 * product's cached structure. Recorded on the offer sheet. Unknown or deleted
 * products get an offer nobody can buy.
 *
 * With `size`, only the variants of that size are read (a product without one
 * is read whole): a search for one size cannot show the others, and pricing
 * every size of every candidate made most of a search's pricing work. Such
 * partial offers are not recorded.
 */
export async function fetchOffers(
  container: MedusaContainer,
  productIds: string[],
  regionId: string,
  salesChannelIds: string[],
  ctx: PurchasableContext,
  timings: Timings = new Timings(),
  size?: string
): Promise<Map<string, Offer>> {
  const out = new Map<string, Offer>()
  if (!productIds.length) return out
  const at = Date.now()
  const structures = await timings.time("products", () => productStructures(container, productIds))
  const products = new Map<string, Structure & { partial: boolean }>()
  for (const [id, p] of structures) {
    const sized = size ? p.variants.filter((v: any) => sameSize(variantSize(v), size)) : []
    products.set(id, sized.length && sized.length < p.variants.length ? { ...p, variants: sized, partial: true } : { ...p, partial: false })
  }
  const variants = [...products.values()].flatMap((p) => p.variants)
  const priceSetIds = [...new Set(variants.map((v) => v.price_set?.id).filter(Boolean))] as string[]
  const pricing = container.resolve(Modules.PRICING)
  const [prices, stock] = await Promise.all([
    priceSetIds.length
      ? timings.time("prices", () => pricing.calculatePrices({ id: priceSetIds }, { context: { region_id: regionId, currency_code: ctx.currency } as any }))
      : Promise.resolve([]),
    availabilityOf(container, variants, ctx.stock.locationIds, timings),
  ])
  const priceOf = new Map((prices as any[]).map((p) => [p.id, p]))
  const stockOf = new Map(stock.map((s) => [s.id, s]))
  for (const [id, p] of products) {
    out.set(id, {
      ...(p.partial ? { partial: true } : {}),
      sold: p.status === "published" && (!salesChannelIds.length || p.channels.some((c) => salesChannelIds.includes(c))),
      product: p.product,
      variants: p.variants.map((v: any) => {
        const price = priceOf.get(v.price_set?.id)
        return {
          id: v.id,
          title: v.title,
          size: stockOf.get(v.id)?.size ?? null,
          amount: price?.calculated_amount != null ? Number(price.calculated_amount) : null,
          currency: price?.currency_code ?? ctx.currency,
          in_stock: !!stockOf.get(v.id)?.in_stock,
        }
      }),
    })
  }
  for (const id of productIds) if (!out.has(id)) out.set(id, { sold: false, product: { id, title: "", handle: "", thumbnail: null }, variants: [] })
  const key = contextKey(regionId, salesChannelIds)
  for (const [id, offer] of out) if (!offer.partial) rememberOffer(key, id, offer, at)
  return out
}

/**
 * For each product: the variants a shopper with these constraints can buy
 * (in stock in a warehouse serving the region, in the size, priced in the
 * region within the budget) — or the first constraint that ruled it out.
 * Always read fresh.
 */
export async function checkPurchasable(
  container: MedusaContainer,
  productIds: string[],
  c: Constraints,
  salesChannelIds: string[],
  timings: Timings = new Timings(),
  context?: PurchasableContext
): Promise<Map<string, PurchasableProduct | FilterReason>> {
  const out = new Map<string, PurchasableProduct | FilterReason>()
  if (!productIds.length) return out
  const ctx = context ?? (await purchasableContext(container, c.region_id, salesChannelIds, timings))
  const offers = await fetchOffers(container, productIds, c.region_id, salesChannelIds, ctx, timings, c.size)
  // priced in the region only in other sizes: read whole, so that the reason given is the one a full read gives ("no_size")
  const whole = [...offers].filter(([, o]) => o.partial && o.sold && judge(o, c) === "not_in_region").map(([id]) => id)
  if (whole.length) for (const [id, o] of await fetchOffers(container, whole, c.region_id, salesChannelIds, ctx, timings)) offers.set(id, o)
  for (const [id, offer] of offers) out.set(id, judge(offer, c))
  return out
}

/** The products (with a cached structure) whose variants draw on these inventory items. */
export function productsOfInventoryItems(itemIds: string[]): string[] {
  const wanted = new Set(itemIds)
  const out: string[] = []
  for (const [id, s] of structures) if (s.variants.some((v: any) => (v.inventory_items ?? []).some((it: any) => wanted.has(it?.inventory_item_id)))) out.push(id)
  return out
}
