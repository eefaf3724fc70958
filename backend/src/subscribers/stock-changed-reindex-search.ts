import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SEARCH_PRODUCTS_STALE_EVENT } from "../lib/search/events"

type Payload = { id: string; inventory_item_id?: string }

/**
 * Stock moved (a level set, a reservation made or released): the text search
 * documents of the products drawing on that inventory item are rebuilt, so
 * sizes and "in stock in the region" stay true for counts and facets. The
 * inventory events carry level/reservation ids; the Search Module's index
 * context only has `query`, so the mapping to products happens here and the
 * index gets a products-stale event of its own.
 */
export default async function stockChangedReindexSearch({ event, container }: SubscriberArgs<Payload | Payload[]>) {
  const rows = (Array.isArray(event.data) ? event.data : [event.data]).filter((d) => d?.id)
  if (!rows.length) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const itemIds = new Set(rows.map((r) => r.inventory_item_id).filter(Boolean) as string[])
    const unknown = rows.filter((r) => !r.inventory_item_id).map((r) => r.id)
    if (unknown.length) {
      const inventory = container.resolve(Modules.INVENTORY)
      const found = event.name.includes("reservation-item")
        ? await inventory.listReservationItems({ id: unknown }, { select: ["inventory_item_id"], withDeleted: true })
        : await inventory.listInventoryLevels({ id: unknown }, { select: ["inventory_item_id"], withDeleted: true })
      for (const r of found as any[]) if (r.inventory_item_id) itemIds.add(r.inventory_item_id)
    }
    if (!itemIds.size) return
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "inventory_item", fields: ["id", "variants.product_id"], filters: { id: [...itemIds] } })
    const productIds = [...new Set((data as any[]).flatMap((i) => (i.variants ?? []).map((v: any) => v?.product_id)).filter(Boolean))]
    if (!productIds.length) return
    await container.resolve(Modules.SEARCH).ingest({ name: SEARCH_PRODUCTS_STALE_EVENT, data: { product_ids: productIds } })
  } catch (e: any) {
    logger.warn(`[search] could not refresh the search documents after ${event.name}: ${e?.message ?? e}`)
  }
}

export const config: SubscriberConfig = {
  // the module's own events and the workflows' ones: either may be all a change emits
  event: [
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
    "reservation-item.created",
    "reservation-item.updated",
    "reservation-item.deleted",
    "inventory.inventory-level.created",
    "inventory.inventory-level.updated",
    "inventory.inventory-level.deleted",
    "inventory.reservation-item.created",
    "inventory.reservation-item.updated",
    "inventory.reservation-item.deleted",
  ],
}
