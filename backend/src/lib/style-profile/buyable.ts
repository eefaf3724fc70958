import type { MedusaContainer } from "@medusajs/framework/types"
import { checkPurchasable, loadRegion } from "../visual-search/purchasable"

/** The region a request names, or a 404 naming its id. */
export const regionOrNotFound = loadRegion

/**
 * The one place the style profile asks the store's buyability rule (sales
 * channel, price in the region, stock in a location serving it): which of
 * these products a shopper can buy in the region, in their order.
 */
export async function buyableProductIds(container: MedusaContainer, productIds: string[], regionId: string, salesChannelIds: string[]): Promise<string[]> {
  const verdicts = await checkPurchasable(container, productIds, { region_id: regionId }, salesChannelIds)
  return productIds.filter((id) => typeof verdicts.get(id) === "object")
}
