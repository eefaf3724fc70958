import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AVAILABILITY_FIELDS, availabilityOf, regionLocations, type StockContext } from "../region-stock"
import { Timings } from "../timings"
import { rememberPriceRange } from "./prefilter"

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

export async function purchasableContext(container: MedusaContainer, regionId: string, salesChannelIds: string[], timings = new Timings()): Promise<PurchasableContext> {
  const { region, locationIds } = await timings.time("region", () => regionLocations(container, regionId, salesChannelIds))
  return { currency: (region as any).currency_code, stock: { locationIds } }
}

const sameSize = (a: string | null, b: string) => !!a && a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * For each product: the variants a shopper with these constraints can buy
 * (in stock in a warehouse serving the region, in the size, priced in the
 * region within the budget) — or the first constraint that ruled it out.
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
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ctx = context ?? (await purchasableContext(container, c.region_id, salesChannelIds, timings))
  const currency = ctx.currency
  // one query for prices and everything stock needs, then the region's stock levels
  const { data: products } = await timings.time("products", () => query.graph({
    entity: "product",
    fields: ["id", "title", "handle", "thumbnail", "status", "sales_channels.id", "variants.title", "variants.calculated_price.*", ...AVAILABILITY_FIELDS.map((f) => `variants.${f}`)],
    filters: { id: productIds },
    context: { variants: { calculated_price: QueryContext({ region_id: c.region_id, currency_code: currency }) } },
  }))
  const stock = await availabilityOf(container, (products as any[]).flatMap((p) => (p.variants ?? []).map((v: any) => ({ ...v, product_id: p.id }))), ctx.stock.locationIds, timings)
  const stockOf = new Map(stock.map((s) => [s.id, s]))

  for (const p of products as any[]) {
    const sold = p.status === "published" && (!salesChannelIds.length || (p.sales_channels ?? []).some((s: any) => salesChannelIds.includes(s?.id)))
    const priced = (p.variants ?? []).filter((v: any) => v?.calculated_price?.calculated_amount != null)
    if (!sold || !priced.length) { out.set(p.id, "not_in_region"); continue }
    const amount = (v: any) => Number(v.calculated_price.calculated_amount)
    rememberPriceRange(c.region_id, p.id, priced.map(amount))
    const sized = c.size ? priced.filter((v: any) => sameSize(stockOf.get(v.id)?.size ?? null, c.size!)) : priced
    if (!sized.length) { out.set(p.id, "no_size"); continue }
    const inStock = sized.filter((v: any) => stockOf.get(v.id)?.in_stock)
    if (!inStock.length) { out.set(p.id, "out_of_stock"); continue }
    const affordable = inStock.filter((v: any) => (c.min_price == null || amount(v) >= c.min_price) && (c.max_price == null || amount(v) <= c.max_price))
    if (!affordable.length) { out.set(p.id, "over_budget"); continue }
    out.set(p.id, {
      product: { id: p.id, title: p.title, handle: p.handle, thumbnail: p.thumbnail ?? null },
      variants: affordable.map((v: any) => ({
        id: v.id,
        title: v.title,
        size: stockOf.get(v.id)?.size ?? null,
        calculated_price: amount(v),
        currency_code: v.calculated_price.currency_code ?? currency,
        in_stock: true,
      })),
    })
  }
  for (const id of productIds) if (!out.has(id)) out.set(id, "not_in_region") // deleted or unknown
  return out
}
