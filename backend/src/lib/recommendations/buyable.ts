import type { MedusaContainer } from "@medusajs/framework/types"
import {
  sellableProducts,
  type ExclusionReason,
  type RegionContext,
  type SellableVariant,
} from "../offers"
import type { Family } from "../style-vocabulary"
import type { Timings } from "../timings"

export type FilteredOut = {
  out_of_stock: number
  no_size: number
  over_budget: number
  not_in_region: number
}
export const noneFiltered = (): FilteredOut => ({
  out_of_stock: 0,
  no_size: 0,
  over_budget: 0,
  not_in_region: 0,
})

/** The shopper's constraints per garment family: size (accessories are one size) and price range in the region's currency. */
export type Constraints = {
  region_id: string
  sales_channel_ids: string[]
  sizes: Record<string, string>
  max_item: number | null
  min_item: number | null
  by_family: Record<string, number>
  /** an extra ceiling set by too_expensive feedback */
  cap: number | null
}

const BUCKET: Record<ExclusionReason, keyof FilteredOut> = {
  not_published: "not_in_region",
  not_in_sales_channel: "not_in_region",
  not_priced_in_region: "not_in_region",
  no_size: "no_size",
  out_of_stock: "out_of_stock",
  under_budget: "over_budget",
  over_budget: "over_budget",
}

/** The highest price a shopper accepts for a family, or null when they set none. */
export function maxFor(c: Constraints, family: Family | null): number | null {
  const own = (family && c.by_family[family]) ?? c.max_item ?? null
  if (c.cap == null) return own
  return own == null ? c.cap : Math.min(own, c.cap)
}

/**
 * The one place recommendations ask the store's buyability rule (lib/offers):
 * for each product, the first variant this shopper can buy (their size for the
 * product's family, their budget, stock serving the region), or nothing; every
 * product ruled out is counted in `filtered` under the reason it failed.
 */
export async function buyableVariants(
  container: MedusaContainer,
  products: { id: string; family: Family | null }[],
  c: Constraints,
  filtered: FilteredOut,
  region?: RegionContext,
  timings?: Timings
): Promise<Map<string, SellableVariant>> {
  const groups = new Map<
    string,
    { size?: string; max?: number; min?: number; ids: string[] }
  >()
  for (const p of products) {
    const size =
      p.family && p.family !== "accessories" ? c.sizes[p.family] : undefined
    const max = maxFor(c, p.family) ?? undefined
    const min = c.min_item ?? undefined
    const key = `${size ?? ""}|${max ?? ""}|${min ?? ""}`
    const g = groups.get(key) ?? { size, max, min, ids: [] }
    g.ids.push(p.id)
    groups.set(key, g)
  }
  const out = new Map<string, SellableVariant>()
  // a list is for display: prices and stock read in the last few seconds may
  // serve (lib/offers read cache, dropped at once on price and stock events);
  // adding a recommendation to the cart checks it fresh (add-set-to-cart)
  const answers = await Promise.all(
    [...groups.values()].map(async (g) => ({
      g,
      offers: await sellableProducts(
        container,
        g.ids,
        {
          region_id: c.region_id,
          sales_channel_ids: c.sales_channel_ids,
          size: g.size,
          max_price: g.max,
          min_price: g.min,
        },
        { region, fresh: false, timings }
      ),
    }))
  )
  for (const { g, offers } of answers) {
    for (const id of g.ids) {
      const o = offers.get(id)
      if (o?.variants.length) out.set(id, o.variants[0])
      else filtered[BUCKET[o?.reason ?? "not_published"]]++
    }
  }
  return out
}
