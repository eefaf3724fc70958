import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, QueryContext } from "@medusajs/framework/utils"
import { variantAvailability } from "./region-stock"

export type ProductCard = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  variants: { id: string; title: string; size: string | null; calculated_price: number | null; currency_code: string | null; in_stock: boolean; quantity: number | null }[]
}

/** Products as a shopper in the region sees them: every variant with its price there and whether it is in stock there. */
export async function productCards(container: MedusaContainer, productIds: string[], regionId: string | undefined, salesChannelIds: string[]): Promise<Map<string, ProductCard>> {
  const out = new Map<string, ProductCard>()
  if (!productIds.length) return out
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let currency: string | null = null
  if (regionId) {
    const { data } = await query.graph({ entity: "region", fields: ["currency_code"], filters: { id: regionId } })
    currency = (data[0] as any)?.currency_code ?? null
  }
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "title", "handle", "thumbnail", "status", "sales_channels.id", "variants.id", "variants.title", ...(currency ? ["variants.calculated_price.*"] : [])],
    filters: { id: productIds },
    ...(currency ? { context: { variants: { calculated_price: QueryContext({ region_id: regionId, currency_code: currency }) } } } : {}),
  })
  const stock = regionId ? await variantAvailability(container, { regionId, salesChannelIds, productIds }) : []
  for (const p of products as any[]) {
    const sold = p.status === "published" && (!salesChannelIds.length || (p.sales_channels ?? []).some((s: any) => salesChannelIds.includes(s?.id)))
    if (!sold) continue
    out.set(p.id, {
      id: p.id,
      title: p.title,
      handle: p.handle,
      thumbnail: p.thumbnail ?? null,
      variants: (p.variants ?? []).map((v: any) => {
        const s = stock.find((x) => x.id === v.id)
        return {
          id: v.id,
          title: v.title,
          size: s?.size ?? v.title,
          calculated_price: v.calculated_price?.calculated_amount ?? null,
          currency_code: v.calculated_price?.currency_code ?? currency,
          in_stock: !!s?.in_stock,
          quantity: s?.quantity ?? null,
        }
      }),
    })
  }
  return out
}
