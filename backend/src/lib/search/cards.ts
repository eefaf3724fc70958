import type { MedusaContainer } from "@medusajs/framework/types"
import { sellableProducts } from "../offers"
import type { Timings } from "../timings"

/** A product card as visual search returns it: the product and the variants this shopper can buy. */
export type SearchCard = {
  product: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
  }
  variants: {
    id: string
    title: string
    size: string | null
    calculated_price: number
    currency_code: string
    in_stock: boolean
  }[]
}

/**
 * The one place text search asks the shared buyability rule (lib/offers): the
 * products a shopper with these constraints can buy, in the order given, each
 * with its purchasable variants. Products the rule rules out are dropped.
 */
export async function purchasableCards(
  container: MedusaContainer,
  productIds: string[],
  c: {
    region_id: string
    size?: string
    min_price?: number
    max_price?: number
  },
  salesChannelIds: string[],
  timings?: Timings
): Promise<SearchCard[]> {
  // display only: prices and stock read in the last few seconds may serve (forgotten on their events)
  const offers = await sellableProducts(
    container,
    productIds,
    { ...c, sales_channel_ids: salesChannelIds },
    { fresh: false, timings }
  )
  const cards: SearchCard[] = []
  for (const id of productIds) {
    const offer = offers.get(id)
    if (!offer?.variants.length) continue
    cards.push({
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
    })
  }
  return cards
}
