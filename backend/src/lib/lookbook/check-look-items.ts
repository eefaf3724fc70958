import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { variantAvailability } from "../region-stock"

export type LookItem = { product_id: string; variant_id: string; quantity?: number }
export type LookItemVerdict = LookItem & { ok: boolean; reason?: "not_in_look" | "variant_not_of_product" | "out_of_stock" | "not_priced_in_region"; message?: string }

/**
 * Can every picked item of a look go into this cart? Each item must be a
 * product shown on the look, the variant one of that product's, priced and in
 * stock (for the quantity) in a warehouse serving the cart's region.
 */
export async function checkLookItems(
  container: MedusaContainer,
  input: { cart_id: string; hotspotProductIds: string[]; items: LookItem[] }
): Promise<{ cart: { id: string; region_id: string; currency_code: string; sales_channel_id: string | null }; verdicts: LookItemVerdict[] }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "region_id", "currency_code", "sales_channel_id", "completed_at"], filters: { id: input.cart_id } })
  const cart = carts[0] as any
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${input.cart_id} is already completed`)
  const productIds = [...new Set(input.items.map((i) => i.product_id))]
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "product_id", "title"], filters: { id: input.items.map((i) => i.variant_id) } })
  const stock = await variantAvailability(container, { regionId: cart.region_id, salesChannelIds: cart.sales_channel_id ? [cart.sales_channel_id] : [], productIds })
  const onLook = new Set(input.hotspotProductIds)
  const verdicts = input.items.map((item): LookItemVerdict => {
    const qty = item.quantity ?? 1
    if (!onLook.has(item.product_id)) return { ...item, ok: false, reason: "not_in_look", message: `Product ${item.product_id} is not part of this look` }
    const v = (variants as any[]).find((x) => x.id === item.variant_id)
    if (!v || v.product_id !== item.product_id) return { ...item, ok: false, reason: "variant_not_of_product", message: `Variant ${item.variant_id} is not a variant of product ${item.product_id}` }
    const s = stock.find((x) => x.id === item.variant_id)
    if (!s || !s.in_stock || (s.quantity !== null && s.quantity < qty)) {
      return { ...item, ok: false, reason: "out_of_stock", message: `Size ${v.title} of product ${item.product_id} is out of stock in this region` }
    }
    return { ...item, ok: true }
  })
  return { cart, verdicts }
}
