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
}

/**
 * For each product id: the variants a shopper in this context can buy, and
 * for every excluded variant (or the whole product) the reason. Prices and
 * stock are always read now. Unknown ids answer `reason: "not_published"`.
 * An unknown region is a 404 naming it.
 */
export async function sellableProducts(
  container: MedusaContainer,
  productIds: string[],
  ctx: ShopperContext,
  { timings = new Timings(), region, onRead }: SellableOptions = {}
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
    }))
      reads.set(id, r)
  if (onRead)
    onRead(new Map([...reads].filter(([, r]) => !r.unread_variant_ids)))
  for (const [id, r] of reads) out.set(id, judge(r, ctx))
  return out
}
