import type {
  ExclusionReason,
  ProductOffer,
  ProductRead,
  ShopperContext,
  VariantRead,
} from "./types"

/**
 * THE buyability rule. Every feature that shows or sells a product to a
 * shopper asks this function (through `sellableProducts`), so that search,
 * lookbooks, add-to-cart and availability always agree.
 *
 * A product is ruled out as a whole when it is not published, or not sold in
 * any of the shopper's sales channels. Each variant is then checked in this
 * order, and ruled out by the first check it fails:
 * priced in the region → of the wanted size → in stock (for the quantity) in a
 * location serving the region → within the budget (under min_price, over max_price).
 * A product none of whose variants pass takes the reason of the variant that
 * came furthest (so "no_size" wins over "not_priced_in_region" when another
 * size is priced).
 */
export function judge(read: ProductRead, ctx: ShopperContext): ProductOffer {
  const whole = productReason(read, ctx.sales_channel_ids ?? [])
  if (whole)
    return {
      product: read.product,
      variants: [],
      excluded: [{ variant_id: null, reason: whole }],
      reason: whole,
    }
  const offer: ProductOffer = {
    product: read.product,
    variants: [],
    excluded: [],
    reason: null,
  }
  let furthest = -1
  for (const v of read.variants) {
    const reason = variantReason(v, ctx)
    if (!reason) {
      offer.variants.push({
        id: v.id,
        title: v.title,
        size: v.size,
        calculated_price: v.amount!,
        currency_code: v.currency,
        in_stock: true,
        quantity: v.quantity,
      })
      continue
    }
    offer.excluded.push({ variant_id: v.id, reason })
    furthest = Math.max(furthest, stageOf(reason))
  }
  for (const id of read.unread_variant_ids ?? []) {
    offer.excluded.push({ variant_id: id, reason: "no_size" })
    furthest = Math.max(furthest, VARIANT_CHECKS.indexOf("no_size"))
  }
  if (!offer.variants.length)
    offer.reason =
      furthest < 0
        ? "not_priced_in_region"
        : productLevel(offer, VARIANT_CHECKS[furthest])
  return offer
}

/** The per-variant checks, in order; a product's reason is the furthest one its variants reached. */
const VARIANT_CHECKS = [
  "not_priced_in_region",
  "no_size",
  "out_of_stock",
  "over_budget",
] as const
const stageOf = (reason: ExclusionReason) =>
  VARIANT_CHECKS.indexOf(
    (reason === "under_budget"
      ? "over_budget"
      : reason) as (typeof VARIANT_CHECKS)[number]
  )

/** At the budget stage: "under_budget" only when every variant that reached it was too cheap. */
function productLevel(
  offer: ProductOffer,
  stage: (typeof VARIANT_CHECKS)[number]
): ExclusionReason {
  if (stage !== "over_budget") return stage
  return offer.excluded.some((e) => e.reason === "over_budget")
    ? "over_budget"
    : "under_budget"
}

/** "not_published" / "not_in_sales_channel" for a product a shopper of these channels cannot see at all; null otherwise. */
export function productReason(
  read: Pick<ProductRead, "status" | "channels">,
  salesChannelIds: string[]
): ExclusionReason | null {
  if (read.status !== "published") return "not_published"
  if (!soldInChannels(read.channels, salesChannelIds))
    return "not_in_sales_channel"
  return null
}

/** The one "sold in this sales channel" test: no channel on the request (an admin or a key without channels) means every channel. */
export const soldInChannels = (channels: string[], salesChannelIds: string[]) =>
  !salesChannelIds.length || channels.some((c) => salesChannelIds.includes(c))

export const sameSize = (a: string | null | undefined, b: string) =>
  !!a && a.trim().toLowerCase() === b.trim().toLowerCase()

/** Whether the read stock covers `quantity` units (null = not managed: always). */
export const covers = (v: Pick<VariantRead, "quantity">, quantity = 1) =>
  v.quantity === null || v.quantity >= quantity

function variantReason(
  v: VariantRead,
  ctx: ShopperContext
): ExclusionReason | null {
  if (v.amount == null) return "not_priced_in_region"
  if (ctx.size && !sameSize(v.size, ctx.size)) return "no_size"
  if (!covers(v, ctx.quantity ?? 1)) return "out_of_stock"
  if (ctx.min_price != null && v.amount < ctx.min_price) return "under_budget"
  if (ctx.max_price != null && v.amount > ctx.max_price) return "over_budget"
  return null
}
