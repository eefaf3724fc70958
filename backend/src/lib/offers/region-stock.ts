import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Timings } from "../timings"
import { soldInChannels } from "./judge"
import { levelsThroughCache } from "./read-cache"

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

export async function regionLocations(
  container: MedusaContainer,
  regionId: string,
  salesChannelIds: string[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code", "countries.iso_2"],
    filters: { id: regionId },
  })
  if (!regions.length)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Region ${regionId} was not found`
    )
  const countries = new Set(
    (regions[0].countries ?? []).map((c: any) => c?.iso_2)
  )
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: [
      "id",
      "sales_channels.id",
      "fulfillment_sets.service_zones.geo_zones.country_code",
    ],
  })
  const ids = locations
    .filter((l: any) =>
      soldInChannels(
        (l.sales_channels ?? []).map((s: any) => s?.id),
        salesChannelIds
      )
    )
    .filter((l: any) =>
      (l.fulfillment_sets ?? []).some((f: any) =>
        (f?.service_zones ?? []).some((z: any) =>
          (z?.geo_zones ?? []).some((g: any) => countries.has(g?.country_code))
        )
      )
    )
    .map((l: any) => l.id as string)
  return { region: regions[0], locationIds: new Set(ids) }
}

/** The fields `availabilityOf` needs on each variant (for a `query.graph` that already loads variants). */
export const AVAILABILITY_FIELDS = [
  "id",
  "product_id",
  "manage_inventory",
  "allow_backorder",
  "options.value",
  "options.option.title",
  "inventory_items.inventory_item_id",
  "inventory_items.required_quantity",
]

/** The value of a loaded variant's "Size" option (with AVAILABILITY_FIELDS), or null. */
export const variantSize = (v: any): string | null =>
  (v?.options ?? []).find((o: any) => o?.option?.title === "Size")?.value ??
  null

/**
 * Availability of loaded variants (with AVAILABILITY_FIELDS) at the given
 * locations. Levels are read now from the Inventory module unless `fresh` is
 * false, when a level read in the last CURATOR_OFFER_READ_TTL_MS may serve (read-cache.ts:
 * for what is shown, never for a write).
 */
export async function availabilityOf(
  container: MedusaContainer,
  variants: any[],
  locationIds: Set<string>,
  timings = new Timings(),
  { fresh = true }: { fresh?: boolean } = {}
): Promise<VariantAvailability[]> {
  // only the levels of the region's locations, straight from the Inventory module
  const itemIds = [
    ...new Set(
      variants
        .flatMap((v: any) =>
          (v.inventory_items ?? []).map((it: any) => it?.inventory_item_id)
        )
        .filter(Boolean)
    ),
  ] as string[]
  let available = new Map<string, number>()
  if (itemIds.length && locationIds.size) {
    const inventory = container.resolve(Modules.INVENTORY)
    const locations = [...locationIds].sort()
    const read = async (ids: string[]) => {
      const levels = await timings.time("levels", () =>
        inventory.listInventoryLevels(
          { inventory_item_id: ids, location_id: locations },
          {
            select: [
              "inventory_item_id",
              "location_id",
              "stocked_quantity",
              "reserved_quantity",
            ],
            take: null as any,
          }
        )
      )
      const free = new Map<string, number>()
      for (const l of levels as any[])
        free.set(
          l.inventory_item_id,
          (free.get(l.inventory_item_id) ?? 0) +
            Math.max(
              0,
              Number(l.stocked_quantity ?? 0) - Number(l.reserved_quantity ?? 0)
            )
        )
      return free
    }
    const { values, hits } = await levelsThroughCache(
      itemIds,
      locations.join(","),
      fresh,
      read
    )
    if (hits) timings.add("levels_cached", 0)
    available = values
  }
  return variants.map((v: any) => {
    const size = variantSize(v)
    if (!v.manage_inventory || v.allow_backorder) {
      return {
        id: v.id,
        product_id: v.product_id,
        size,
        in_stock: true,
        quantity: null,
      }
    }
    const items = (v.inventory_items ?? []).filter(
      (it: any) => it?.inventory_item_id
    )
    const quantity = items.length
      ? Math.min(
          ...items.map((it: any) =>
            Math.floor(
              (available.get(it.inventory_item_id) ?? 0) /
                Math.max(1, Number(it.required_quantity ?? 1))
            )
          )
        )
      : 0
    return {
      id: v.id,
      product_id: v.product_id,
      size,
      in_stock: quantity > 0,
      quantity,
    }
  })
}
