import { storeRequest } from "./store-fetch.server"

/*
 * "Add these to cart" for a set: a recommended outfit or a post's tagged
 * products. The backend adds all or nothing; on 409 `items` says per item why.
 */

export type SetItemResult = {
  product_id: string
  variant_id: string
  ok: boolean
  reason?: string
  message?: string
}
export type AddSetResult =
  | { ok: true; added: number }
  | { ok: false; status: number; message: string; items: SetItemResult[] }

export async function addSetToCart(
  source: { type: "outfit" | "post"; id: string },
  cartId: string,
  items: { product_id: string; variant_id: string }[],
  token: string | null
): Promise<AddSetResult> {
  const path =
    source.type === "outfit"
      ? `/store/customers/me/recommendations/${encodeURIComponent(source.id)}/add-to-cart`
      : `/store/feed/posts/${encodeURIComponent(source.id)}/add-to-cart`
  const { status, body } = await storeRequest<{
    message?: string
    items?: SetItemResult[]
  }>(path, { json: { cart_id: cartId, items }, token })
  if (status >= 200 && status < 300) return { ok: true, added: items.length }
  return {
    ok: false,
    status,
    message: body.message ?? "Nothing was added",
    items: body.items ?? [],
  }
}

/** A message a shopper understands for one refused item. */
export function describeRefusal(
  item: SetItemResult,
  names: Map<string, string>
): string {
  const name = names.get(item.product_id) ?? "This piece"
  switch (item.reason) {
    case "out_of_stock":
      return `${name}: that size is out of stock in your region`
    case "not_priced_in_region":
      return `${name}: that size is not sold in your region`
    case "not_in_outfit":
    case "not_in_post":
      return `${name} is not part of this set`
    case "variant_not_of_product":
      return `${name}: that size does not belong to the piece`
    default:
      return `${name}: ${item.message ?? "cannot be added"}`
  }
}

/** `item.<product_id>` = variant id form fields (empty = skip). */
export function pickedItems(form: FormData) {
  const items: { product_id: string; variant_id: string }[] = []
  for (const [key, value] of form)
    if (
      key.startsWith("item.") &&
      typeof value === "string" &&
      /^variant_\w+$/.test(value) &&
      /^prod_\w+$/.test(key.slice(5))
    )
      items.push({ product_id: key.slice(5), variant_id: value })
  return items
}
