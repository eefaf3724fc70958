import type { MedusaContainer } from "@medusajs/framework/types"
import { checkPurchasable, type PurchasableProduct } from "../visual-search/purchasable"

export type SearchCard = PurchasableProduct

/**
 * The one place text search asks the shared buyability rule: the products a
 * shopper with these constraints can buy, in the order given, each with its
 * purchasable variants (the card visual search returns). Products the rule
 * rules out are dropped.
 */
export async function purchasableCards(
  container: MedusaContainer,
  productIds: string[],
  c: { region_id: string; size?: string; min_price?: number; max_price?: number },
  salesChannelIds: string[]
): Promise<SearchCard[]> {
  const judged = await checkPurchasable(container, productIds, c, salesChannelIds)
  return productIds.map((id) => judged.get(id)).filter((r): r is SearchCard => !!r && typeof r === "object")
}
