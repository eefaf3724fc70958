import type { MedusaContainer } from "@medusajs/framework/types"
import { sellableProducts, type ProductOffer } from "../offers"

/**
 * The social feed's only call into the buyability rule, so that it can be
 * rewired in one place: what each tagged product offers this viewer.
 */
export async function tagOffers(
  container: MedusaContainer,
  productIds: string[],
  ctx: { region_id: string; sales_channel_ids: string[] }
): Promise<Map<string, ProductOffer>> {
  return sellableProducts(container, productIds, {
    region_id: ctx.region_id,
    sales_channel_ids: ctx.sales_channel_ids,
  })
}
