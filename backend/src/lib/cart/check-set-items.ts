import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import {
  sellableProducts,
  type ExclusionReason,
  type ProductOffer,
} from "../offers"

/** What a set of products to buy together is: a merchant's look, a recommended outfit, a shopper's post. */
export type SetSourceType = "look" | "outfit" | "post"

export type SetItem = {
  product_id: string
  variant_id: string
  quantity?: number
}
export type SetItemReason =
  `not_in_${SetSourceType}` | "variant_not_of_product" | ExclusionReason
export type SetItemVerdict = SetItem & {
  ok: boolean
  reason?: SetItemReason
  message?: string
}

/**
 * Thrown by the add-set workflow when any picked item cannot go into the
 * cart; carries every item's verdict. The workflow engine hands it on as a
 * plain object, so test for it with `isSetItemsRefused`.
 */
export class SetItemsRefused extends MedusaError {
  constructor(
    public items: SetItemVerdict[],
    source: SetSourceType
  ) {
    super(
      MedusaError.Types.CONFLICT,
      `Nothing was added: some items of this ${source} cannot be bought as picked. ${items
        .filter((i) => !i.ok)
        .map((i) => i.message)
        .join("; ")}`
    )
    this.name = "SetItemsRefused"
  }
}

export const isSetItemsRefused = (
  e: unknown
): e is { message: string; items: SetItemVerdict[] } =>
  (e as any)?.name === "SetItemsRefused" && Array.isArray((e as any)?.items)

/** The 409 answer every add-a-set route gives (the add-look contract). */
export const refusedBody = (e: {
  message: string
  items: SetItemVerdict[]
}) => ({
  type: "not_allowed",
  message: e.message,
  items: e.items,
})

/**
 * Can every picked item of a set go into this cart? Each item must be one of
 * the set's products (`allowed_product_ids`) and a variant of that product, and the
 * buyability rule (lib/offers) must say the cart's shopper can buy it in the
 * quantity wanted: the picks of one variant summed, plus what the cart
 * already holds of it.
 */
export async function checkSetItems(
  container: MedusaContainer,
  input: {
    cart_id: string
    source: SetSourceType
    allowed_product_ids: string[]
    items: SetItem[]
  }
): Promise<{
  cart: { id: string; region_id: string; sales_channel_id: string | null }
  verdicts: SetItemVerdict[]
}> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "region_id",
      "sales_channel_id",
      "completed_at",
      "items.variant_id",
      "items.quantity",
    ],
    filters: { id: input.cart_id },
  })
  const cart = carts[0] as any
  if (!cart)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Cart ${input.cart_id} was not found`
    )
  if (cart.completed_at)
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cart ${input.cart_id} is already completed`
    )
  const wanted = new Map<string, number>()
  for (const line of cart.items ?? [])
    if (line?.variant_id)
      wanted.set(
        line.variant_id,
        (wanted.get(line.variant_id) ?? 0) + Number(line.quantity ?? 0)
      )
  for (const item of input.items)
    wanted.set(
      item.variant_id,
      (wanted.get(item.variant_id) ?? 0) + (item.quantity ?? 1)
    )

  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id", "title"],
    filters: { id: input.items.map((i) => i.variant_id) },
  })
  const variantOf = new Map((variants as any[]).map((v) => [v.id, v]))
  // one decision per distinct quantity wanted (usually one): the rule checks stock for that many
  const offers = new Map<string, ProductOffer>() // by variant id
  const byQuantity = new Map<number, Set<string>>()
  for (const item of input.items) {
    const q = wanted.get(item.variant_id)!
    if (!byQuantity.has(q)) byQuantity.set(q, new Set())
    byQuantity.get(q)!.add(item.product_id)
  }
  const ctx = {
    region_id: cart.region_id,
    sales_channel_ids: cart.sales_channel_id ? [cart.sales_channel_id] : [],
  }
  for (const [quantity, productIds] of byQuantity) {
    // a cart write: prices and stock read now, never from the display cache
    const decided = await sellableProducts(
      container,
      [...productIds],
      { ...ctx, quantity },
      { fresh: true }
    )
    for (const item of input.items)
      if (
        wanted.get(item.variant_id) === quantity &&
        decided.has(item.product_id)
      )
        offers.set(item.variant_id, decided.get(item.product_id)!)
  }

  const inSet = new Set(input.allowed_product_ids)
  const verdicts = input.items.map((item): SetItemVerdict => {
    if (!inSet.has(item.product_id))
      return {
        ...item,
        ok: false,
        reason: `not_in_${input.source}`,
        message: `Product ${item.product_id} is not part of this ${input.source}`,
      }
    const v = variantOf.get(item.variant_id)
    if (!v || v.product_id !== item.product_id)
      return {
        ...item,
        ok: false,
        reason: "variant_not_of_product",
        message: `Variant ${item.variant_id} is not a variant of product ${item.product_id}`,
      }
    const offer = offers.get(item.variant_id)
    if (!offer)
      return {
        ...item,
        ok: false,
        reason: "not_published",
        message: `Product ${item.product_id} is not sold here`,
      }
    if (offer.variants.some((x) => x.id === item.variant_id))
      return { ...item, ok: true }
    const reason =
      offer.excluded.find(
        (e) => e.variant_id === item.variant_id || e.variant_id === null
      )?.reason ??
      offer.reason ??
      "not_published"
    return {
      ...item,
      ok: false,
      reason,
      message: refusal(
        reason,
        item.product_id,
        v.title,
        wanted.get(item.variant_id)!
      ),
    }
  })
  return { cart, verdicts }
}

function refusal(
  reason: ExclusionReason,
  productId: string,
  size: string,
  quantity: number
): string {
  switch (reason) {
    case "out_of_stock":
      return `Size ${size} of product ${productId} is out of stock in this region${
        quantity > 1 ? ` for ${quantity} units (counting the cart's)` : ""
      }`
    case "not_priced_in_region":
      return `Size ${size} of product ${productId} has no price in this region`
    default:
      return `Product ${productId} is not sold here`
  }
}
