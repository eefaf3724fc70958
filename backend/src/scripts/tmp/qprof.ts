import { ContainerRegistrationKeys, QueryContext, Modules } from "@medusajs/framework/utils"
import { AVAILABILITY_FIELDS } from "../../lib/region-stock"
export default async function ({ container }: any) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"] })
  const { data: all } = await query.graph({ entity: "product", fields: ["id"], pagination: { take: 3000 } })
  const ids = all.map((p: any) => p.id)
  const region = regions[0]
  const pick = (i: number) => ids.slice(i * 24 % 2900, i * 24 % 2900 + 24)
  const variants: Record<string, string[]> = {
    full: ["id", "title", "handle", "thumbnail", "status", "sales_channels.id", "variants.title", "variants.calculated_price.*", ...AVAILABILITY_FIELDS.map((f) => `variants.${f}`)],
    noprice: ["id", "title", "handle", "thumbnail", "status", "sales_channels.id", "variants.title", ...AVAILABILITY_FIELDS.map((f) => `variants.${f}`)],
    noinv: ["id", "title", "handle", "thumbnail", "status", "sales_channels.id", "variants.title", "variants.calculated_price.*", "variants.options.value", "variants.options.option.title"],
    priceonly: ["id", "variants.id", "variants.calculated_price.calculated_amount"],
    bare: ["id", "variants.id"],
  }
  for (const [name, fields] of Object.entries(variants)) {
    const t: number[] = []
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now()
      await query.graph({ entity: "product", fields, filters: { id: pick(i) }, context: fields.some((f) => f.includes("calculated")) ? { variants: { calculated_price: QueryContext({ region_id: region.id, currency_code: region.currency_code }) } } : undefined })
      t.push(performance.now() - t0)
    }
    t.sort((a, b) => a - b)
    console.log(name, "median", t[12].toFixed(1), "p90", t[22].toFixed(1))
  }
  // pricing module direct
  const { data: vs } = await query.graph({ entity: "product_variant", fields: ["id", "price_set.id"], filters: { product_id: pick(3) } })
  const psIds = vs.map((v: any) => v.price_set?.id).filter(Boolean)
  const pricing = container.resolve(Modules.PRICING)
  const t: number[] = []
  for (let i = 0; i < 25; i++) { const t0 = performance.now(); await pricing.calculatePrices({ id: psIds }, { context: { currency_code: region.currency_code, region_id: region.id } as any }); t.push(performance.now() - t0) }
  t.sort((a, b) => a - b); console.log("calculatePrices", psIds.length, "median", t[12].toFixed(1))
  const prod = container.resolve(Modules.PRODUCT)
  const t2: number[] = []
  for (let i = 0; i < 25; i++) { const t0 = performance.now(); await prod.listProductVariants({ product_id: pick(i) }, { select: ["id", "product_id", "title", "manage_inventory", "allow_backorder"], relations: ["options"] }); t2.push(performance.now() - t0) }
  t2.sort((a, b) => a - b); console.log("listProductVariants median", t2[12].toFixed(1))
}
