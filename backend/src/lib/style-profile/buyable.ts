import type { MedusaContainer } from "@medusajs/framework/types"
import { regionContext, sellableProducts } from "../offers"

/** The region a request names, or a 404 naming its id. */
export async function regionOrNotFound(
  container: MedusaContainer,
  regionId: string
): Promise<void> {
  await regionContext(container, regionId, [])
}

/**
 * The one place the style profile asks the store's buyability rule (lib/offers):
 * which of these products a shopper can buy in the region, in their order.
 */
export async function buyableProductIds(
  container: MedusaContainer,
  productIds: string[],
  regionId: string,
  salesChannelIds: string[]
): Promise<string[]> {
  const offers = await sellableProducts(container, productIds, {
    region_id: regionId,
    sales_channel_ids: salesChannelIds,
  })
  return productIds.filter((id) => (offers.get(id)?.variants.length ?? 0) > 0)
}
