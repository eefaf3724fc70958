import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Stock as a shopper in one region sees it. Medusa sums inventory over every
 * location of the sales channel; a shopper in the US cannot buy what only the
 * Amsterdam warehouse holds, so here a location counts only when it is linked
 * to the request's sales channel AND one of its fulfillment sets ships to a
 * country of the region.
 */
export type VariantAvailability = {
  id: string
  product_id: string
  size: string | null
  in_stock: boolean
  /** null when inventory is not managed or backorders are allowed */
  quantity: number | null
}

export async function regionLocations(container: MedusaContainer, regionId: string, salesChannelIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code", "countries.iso_2"], filters: { id: regionId } })
  if (!regions.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Region ${regionId} was not found`)
  const countries = new Set((regions[0].countries ?? []).map((c: any) => c?.iso_2))
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id", "fulfillment_sets.service_zones.geo_zones.country_code"],
  })
  const ids = locations
    .filter((l: any) => !salesChannelIds.length || (l.sales_channels ?? []).some((s: any) => salesChannelIds.includes(s?.id)))
    .filter((l: any) =>
      (l.fulfillment_sets ?? []).some((f: any) =>
        (f?.service_zones ?? []).some((z: any) => (z?.geo_zones ?? []).some((g: any) => countries.has(g?.country_code)))
      )
    )
    .map((l: any) => l.id as string)
  return { region: regions[0], locationIds: new Set(ids) }
}

export async function variantAvailability(
  container: MedusaContainer,
  { regionId, salesChannelIds, productIds }: { regionId: string; salesChannelIds: string[]; productIds: string[] }
): Promise<VariantAvailability[]> {
  if (!productIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { locationIds } = await regionLocations(container, regionId, salesChannelIds)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "product_id",
      "manage_inventory",
      "allow_backorder",
      "options.value",
      "options.option.title",
      "inventory_items.required_quantity",
      "inventory_items.inventory.location_levels.location_id",
      "inventory_items.inventory.location_levels.stocked_quantity",
      "inventory_items.inventory.location_levels.reserved_quantity",
    ],
    filters: { product_id: productIds },
  })
  return variants.map((v: any) => {
    const size = (v.options ?? []).find((o: any) => o?.option?.title === "Size")?.value ?? null
    if (!v.manage_inventory || v.allow_backorder) {
      return { id: v.id, product_id: v.product_id, size, in_stock: true, quantity: null }
    }
    const items = v.inventory_items ?? []
    const quantity = items.length
      ? Math.min(
          ...items.map((it: any) => {
            const available = (it.inventory?.location_levels ?? [])
              .filter((l: any) => locationIds.has(l.location_id))
              .reduce((s: number, l: any) => s + Math.max(0, Number(l.stocked_quantity ?? 0) - Number(l.reserved_quantity ?? 0)), 0)
            return Math.floor(available / Math.max(1, Number(it.required_quantity ?? 1)))
          })
        )
      : 0
    return { id: v.id, product_id: v.product_id, size, in_stock: quantity > 0, quantity }
  })
}
