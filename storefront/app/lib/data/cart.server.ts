import type { HttpTypes } from "@medusajs/types"
import { sdk } from "../medusa.server"
import { cartCookie, readCookie } from "../cookies.server"

const CART_FIELDS =
  "*items,+items.total,+items.subtotal,*region,*region.countries,*shipping_methods,*payment_collection,*payment_collection.payment_sessions"

/** The cart named by the cookie, or null when there is none (or it was completed / deleted). Never throws. */
export async function getCart(
  request: Request
): Promise<HttpTypes.StoreCart | null> {
  const id = await readCookie(cartCookie, request)
  if (!id) return null
  try {
    const { cart } = await sdk.store.cart.retrieve(id, { fields: CART_FIELDS })
    return cart.completed_at ? null : cart
  } catch {
    return null
  }
}

/** The current cart, or a new one in the region; `setCookie` is set when a cart was created. */
export async function getOrCreateCart(request: Request, regionId: string) {
  const existing = await getCart(request)
  if (existing) {
    if (existing.region_id === regionId)
      return { cart: existing, setCookie: null }
    return {
      cart: await updateCartRegion(existing.id, regionId),
      setCookie: null,
    }
  }
  const { cart } = await sdk.store.cart.create(
    { region_id: regionId },
    { fields: CART_FIELDS }
  )
  return { cart, setCookie: await cartCookie.serialize(cart.id) }
}

export async function addLine(
  cartId: string,
  variantId: string,
  quantity: number
) {
  const { cart } = await sdk.store.cart.createLineItem(
    cartId,
    { variant_id: variantId, quantity },
    { fields: CART_FIELDS }
  )
  return cart
}

export async function updateLine(
  cartId: string,
  lineId: string,
  quantity: number
) {
  const { cart } = await sdk.store.cart.updateLineItem(
    cartId,
    lineId,
    { quantity },
    { fields: CART_FIELDS }
  )
  return cart
}

export async function removeLine(cartId: string, lineId: string) {
  await sdk.store.cart.deleteLineItem(cartId, lineId)
}

/** Moves the cart to another region: Medusa re-prices the lines in the new currency. */
export async function updateCartRegion(cartId: string, regionId: string) {
  const { cart } = await sdk.store.cart.update(
    cartId,
    { region_id: regionId },
    { fields: CART_FIELDS }
  )
  return cart
}

export async function updateCartContact(
  cartId: string,
  body: HttpTypes.StoreUpdateCart
) {
  const { cart } = await sdk.store.cart.update(cartId, body, {
    fields: CART_FIELDS,
  })
  return cart
}

export async function listShippingOptions(cartId: string) {
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({
    cart_id: cartId,
  })
  return shipping_options
}

export async function setShippingMethod(cartId: string, optionId: string) {
  const { cart } = await sdk.store.cart.addShippingMethod(
    cartId,
    { option_id: optionId },
    { fields: CART_FIELDS }
  )
  return cart
}

/** Pays with the manual provider, then completes the cart. Returns the order, or the error Medusa gave. */
export async function placeOrder(cart: HttpTypes.StoreCart) {
  await sdk.store.payment.initiatePaymentSession(cart, {
    provider_id: "pp_system_default",
  })
  const result = await sdk.store.cart.complete(cart.id)
  if (result.type === "order") return { order: result.order, error: null }
  return {
    order: null,
    error: result.error?.message ?? "The order could not be completed",
  }
}

/** Number of items (sum of quantities) in a cart. */
export function cartCount(cart: HttpTypes.StoreCart | null) {
  return (cart?.items ?? []).reduce((n, i) => n + i.quantity, 0)
}

export function lineTotal(line: HttpTypes.StoreCartLineItem) {
  return typeof line.total === "number"
    ? line.total
    : line.unit_price * line.quantity
}
