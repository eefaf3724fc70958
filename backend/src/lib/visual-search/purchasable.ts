import type { MedusaContainer } from "@medusajs/framework/types"
import {
  sellableProducts,
  type ExclusionReason,
  type ProductOffer,
  type ProductRead,
  type ProductSummary,
  type RegionContext,
} from "../offers"
import { Timings } from "../timings"

/**
 * Visual search's one door to the buyability rule (lib/offers): the search
 * contract's constraints in, today's response shapes and `filtered_out` keys out.
 */
export type Constraints = {
  region_id: string
  size?: string
  min_price?: number
  max_price?: number
}
export type FilterReason =
  "out_of_stock" | "no_size" | "over_budget" | "not_in_region"

export type PurchasableProduct = {
  product: ProductSummary
  variants: {
    id: string
    title: string
    size: string | null
    calculated_price: number
    currency_code: string
    in_stock: boolean
  }[]
}

/** The rule's reasons as the visual-search response has always counted them. */
export const FILTER_REASON: Record<ExclusionReason, FilterReason> = {
  not_published: "not_in_region",
  not_in_sales_channel: "not_in_region",
  not_priced_in_region: "not_in_region",
  no_size: "no_size",
  out_of_stock: "out_of_stock",
  under_budget: "over_budget",
  over_budget: "over_budget",
}

/** A decision of the rule in the search's shape. */
export function asSearchResult(
  offer: ProductOffer
): PurchasableProduct | FilterReason {
  if (offer.reason) return FILTER_REASON[offer.reason]
  return {
    product: offer.product,
    variants: offer.variants.map(
      ({ id, title, size, calculated_price, currency_code, in_stock }) => ({
        id,
        title,
        size,
        calculated_price,
        currency_code,
        in_stock,
      })
    ),
  }
}

/**
 * For each product: the variants a shopper with these constraints can buy, or
 * the first constraint that ruled it out. Always read fresh; `onRead` sees
 * the whole reads (a search keeps them on its offer sheet, offers.ts).
 */
export async function checkPurchasable(
  container: MedusaContainer,
  productIds: string[],
  c: Constraints,
  salesChannelIds: string[],
  timings: Timings = new Timings(),
  region?: RegionContext,
  onRead?: (reads: Map<string, ProductRead>) => void
): Promise<Map<string, PurchasableProduct | FilterReason>> {
  const out = new Map<string, PurchasableProduct | FilterReason>()
  if (!productIds.length) return out
  const ctx = {
    region_id: c.region_id,
    sales_channel_ids: salesChannelIds,
    size: c.size,
    min_price: c.min_price,
    max_price: c.max_price,
  }
  const offers = await sellableProducts(container, productIds, ctx, {
    timings,
    region,
    onRead,
  })
  for (const [id, offer] of offers) out.set(id, asSearchResult(offer))
  return out
}
