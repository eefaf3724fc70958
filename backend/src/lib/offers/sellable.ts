import type { MedusaContainer } from "@medusajs/framework/types"
import { Timings } from "../timings"
import { regionContext } from "./cache"
import { judge } from "./judge"
import { readProducts } from "./read"
import type {
  ProductOffer,
  ProductRead,
  RegionContext,
  ShopperContext,
} from "./types"

export type SellableOptions = {
  timings?: Timings
  /** the region context, when the caller already resolved it (a search does once for all its chunks) */
  region?: RegionContext
  /** sees every whole read (not the size-only ones), e.g. to keep it as a prediction */
  onRead?: (reads: Map<string, ProductRead>) => void
  /**
   * true (the default): prices and stock are read now — required for every
   * decision that guards a write (adding to a cart). false: for decisions that
   * only choose what to show (search cards), prices and stock levels read in
   * the last CURATOR_OFFER_READ_TTL_MS (default 5 s) may serve; they are
   * forgotten at once on price and stock events (read-cache.ts).
   */
  fresh?: boolean
}

/**
 * For each product id: the variants a shopper in this context can buy, and
 * for every excluded variant (or the whole product) the reason. Prices and
 * stock are read now unless the caller only displays (`fresh: false`).
 * Unknown ids answer `reason: "not_published"`.
 * An unknown region is a 404 naming it.
 */
export async function sellableProducts(
  container: MedusaContainer,
  productIds: string[],
  ctx: ShopperContext,
  {
    timings = new Timings(),
    region,
    onRead,
    fresh = true,
  }: SellableOptions = {}
): Promise<Map<string, ProductOffer>> {
  const out = new Map<string, ProductOffer>()
  const ids = [...new Set(productIds)]
  if (!ids.length) return out
  const salesChannelIds = ctx.sales_channel_ids ?? []
  const where =
    region ??
    (await regionContext(container, ctx.region_id, salesChannelIds, timings))
  const reads = await readProducts(container, ids, where, {
    timings,
    size: ctx.size,
    fresh,
  })
  // priced in the region only in other sizes: read whole, so that the answer is the one a full read gives ("no_size")
  const again = [...reads]
    .filter(
      ([, r]) =>
        r.unread_variant_ids && judge(r, ctx).reason === "not_priced_in_region"
    )
    .map(([id]) => id)
  if (again.length)
    for (const [id, r] of await readProducts(container, again, where, {
      timings,
      fresh,
    }))
      reads.set(id, r)
  if (onRead)
    onRead(new Map([...reads].filter(([, r]) => !r.unread_variant_ids)))
  for (const [id, r] of reads) out.set(id, judge(r, ctx))
  return out
}
