import type { MedusaContainer } from "@medusajs/framework/types"
import {
  covers,
  judge,
  productReason,
  productStructures,
  readProducts,
  regionContext,
} from "./offers"

export type ProductCard = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  variants: {
    id: string
    title: string
    size: string | null
    calculated_price: number | null
    currency_code: string | null
    in_stock: boolean
    quantity: number | null
  }[]
}

/**
 * Products as a shopper in the region sees them: every variant with its price
 * there and whether it is in stock there, as the buyability rule (lib/offers)
 * read them. Products the rule rules out as a whole (not published, not in
 * the sales channels) are left out. Without a region: no prices, no stock.
 */
export async function productCards(
  container: MedusaContainer,
  productIds: string[],
  regionId: string | undefined,
  salesChannelIds: string[]
): Promise<Map<string, ProductCard>> {
  const out = new Map<string, ProductCard>()
  if (!productIds.length) return out
  if (!regionId) {
    for (const [id, s] of await productStructures(container, productIds)) {
      if (productReason(s, salesChannelIds)) continue
      out.set(id, {
        ...s.product,
        variants: s.variants.map((v: any) => ({
          id: v.id,
          title: v.title,
          size: v.title,
          calculated_price: null,
          currency_code: null,
          in_stock: false,
          quantity: null,
        })),
      })
    }
    return out
  }
  const region = await regionContext(container, regionId, salesChannelIds)
  for (const [id, read] of await readProducts(container, productIds, region)) {
    const { reason } = judge(read, {
      region_id: regionId,
      sales_channel_ids: salesChannelIds,
    })
    if (reason === "not_published" || reason === "not_in_sales_channel")
      continue
    out.set(id, {
      ...read.product,
      variants: read.variants.map((v) => ({
        id: v.id,
        title: v.title,
        size: v.size ?? v.title,
        calculated_price: v.amount,
        currency_code: v.amount != null ? v.currency : region.currency,
        in_stock: covers(v),
        quantity: v.quantity,
      })),
    })
  }
  return out
}
