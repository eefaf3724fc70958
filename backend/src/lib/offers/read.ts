import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Timings } from "../timings"
import { productStructures } from "./cache"
import { pricesThroughCache } from "./read-cache"
import { sameSize } from "./judge"
import { availabilityOf, variantSize } from "./region-stock"
import type { ProductRead, RegionContext } from "./types"

/**
 * The facts the rule decides on, read now for these products in one region:
 * prices straight from the Pricing module and stock levels of the region's
 * locations straight from the Inventory module (side by side), on the
 * product's cached structure (cache.ts). With `fresh: false` (display only)
 * prices and levels read in the last few seconds may serve (read-cache.ts).
 * Unknown or deleted products are read as `status: null`.
 *
 * With `size`, only the variants of that size are read (a product without one
 * is read whole): pricing every size of every search candidate made most of a
 * search's pricing work.
 */
export async function readProducts(
  container: MedusaContainer,
  productIds: string[],
  region: RegionContext,
  {
    timings = new Timings(),
    size,
    fresh = true,
  }: {
    timings?: Timings
    size?: string
    /** false: prices and levels read in the last CURATOR_OFFER_READ_TTL_MS may serve (for display only, read-cache.ts) */
    fresh?: boolean
  } = {}
): Promise<Map<string, ProductRead>> {
  const out = new Map<string, ProductRead>()
  if (!productIds.length) return out
  const structures = await timings.time("products", () =>
    productStructures(container, productIds)
  )
  const picked = new Map<string, { variants: any[]; unread: string[] }>()
  for (const [id, p] of structures) {
    const sized = size
      ? p.variants.filter((v: any) => sameSize(variantSize(v), size))
      : []
    const partial = sized.length > 0 && sized.length < p.variants.length
    picked.set(id, {
      variants: partial ? sized : p.variants,
      unread: partial
        ? p.variants
            .filter((v: any) => !sized.includes(v))
            .map((v: any) => v.id)
        : [],
    })
  }
  const variants = [...picked.values()].flatMap((p) => p.variants)
  const priceSetIds = [
    ...new Set(variants.map((v) => v.price_set?.id).filter(Boolean)),
  ] as string[]
  const pricing = container.resolve(Modules.PRICING)
  const readPrices = async (ids: string[]) => {
    const rows = await timings.time("prices", () =>
      pricing.calculatePrices(
        { id: ids },
        {
          context: {
            region_id: region.region_id,
            currency_code: region.currency,
          } as any,
        }
      )
    )
    return new Map((rows as any[]).map((p) => [p.id as string, p]))
  }
  const [prices, stock] = await Promise.all([
    priceSetIds.length
      ? pricesThroughCache(
          priceSetIds,
          `${region.region_id}|${region.currency}`,
          fresh,
          readPrices
        )
      : Promise.resolve({ values: new Map<string, any>(), hits: 0 }),
    availabilityOf(container, variants, region.locationIds, timings, {
      fresh,
    }),
  ])
  if (prices.hits) timings.add("prices_cached", 0)
  const priceOf = prices.values
  const stockOf = new Map(stock.map((s) => [s.id, s]))
  for (const [id, { variants, unread }] of picked) {
    const s = structures.get(id)!
    out.set(id, {
      product: s.product,
      status: s.status,
      channels: s.channels,
      ...(unread.length ? { unread_variant_ids: unread } : {}),
      variants: variants.map((v: any) => {
        const price = priceOf.get(v.price_set?.id)
        const level = stockOf.get(v.id)
        return {
          id: v.id,
          title: v.title,
          size: level?.size ?? null,
          amount:
            price?.calculated_amount != null
              ? Number(price.calculated_amount)
              : null,
          currency: price?.currency_code ?? region.currency,
          quantity: level ? level.quantity : 0,
        }
      }),
    })
  }
  for (const id of productIds)
    if (!out.has(id))
      out.set(id, {
        product: { id, title: "", handle: "", thumbnail: null },
        status: null,
        channels: [],
        variants: [],
      })
  return out
}
