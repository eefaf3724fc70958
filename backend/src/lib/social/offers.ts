import type { MedusaContainer } from "@medusajs/framework/types"
import { sellableProducts, type ProductOffer } from "../offers"
import { Timings } from "../timings"

/**
 * The social feed's only call into the buyability rule, so that it can be
 * rewired in one place: what each tagged product offers this viewer.
 */
export async function tagOffers(
  container: MedusaContainer,
  productIds: string[],
  ctx: { region_id: string; sales_channel_ids: string[]; size?: string },
  timings = new Timings()
): Promise<Map<string, ProductOffer>> {
  return sellableProducts(
    container,
    productIds,
    {
      region_id: ctx.region_id,
      sales_channel_ids: ctx.sales_channel_ids,
      ...(ctx.size ? { size: ctx.size } : {}),
    },
    { timings }
  )
}
