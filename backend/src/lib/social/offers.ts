import type { MedusaContainer } from "@medusajs/framework/types"
import { sellableProducts, type ProductOffer } from "../offers"
import { Timings } from "../timings"

/**
 * The social feed's only call into the buyability rule, so that it can be
 * rewired in one place: what each tagged product offers this viewer.
 * `display` (feed and post pages) may use prices and stock read in the last
 * few seconds (lib/offers read cache, forgotten on their events); deciding
 * whether to notify someone reads them now.
 */
export async function tagOffers(
  container: MedusaContainer,
  productIds: string[],
  ctx: { region_id: string; sales_channel_ids: string[]; size?: string },
  timings = new Timings(),
  { display = true }: { display?: boolean } = {}
): Promise<Map<string, ProductOffer>> {
  return sellableProducts(
    container,
    productIds,
    {
      region_id: ctx.region_id,
      sales_channel_ids: ctx.sales_channel_ids,
      ...(ctx.size ? { size: ctx.size } : {}),
    },
    { fresh: !display, timings }
  )
}
