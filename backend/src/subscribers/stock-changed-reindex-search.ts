import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SEARCH_PRODUCTS_STALE_EVENT } from "../lib/search/events"

type Payload = { id: string; inventory_item_id?: string }

/** Stock events come in bursts (one per level): the products they touch are refreshed together after this pause. */
const COALESCE_MS = 250
let pending: {
  container: MedusaContainer
  items: Set<string>
  levels: Set<string>
  reservations: Set<string>
} | null = null

async function flush() {
  const batch = pending!
  pending = null
  const logger = batch.container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const inventory = batch.container.resolve(Modules.INVENTORY)
    const found = [
      ...(batch.levels.size
        ? await inventory.listInventoryLevels(
            { id: [...batch.levels] },
            { select: ["inventory_item_id"], withDeleted: true }
          )
        : []),
      ...(batch.reservations.size
        ? await inventory.listReservationItems(
            { id: [...batch.reservations] },
            { select: ["inventory_item_id"], withDeleted: true }
          )
        : []),
    ] as any[]
    for (const r of found)
      if (r.inventory_item_id) batch.items.add(r.inventory_item_id)
    if (!batch.items.size) return
    const query = batch.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "inventory_item",
      fields: ["id", "variants.product_id"],
      filters: { id: [...batch.items] },
    })
    const productIds = [
      ...new Set(
        (data as any[])
          .flatMap((i) => (i.variants ?? []).map((v: any) => v?.product_id))
          .filter(Boolean)
      ),
    ]
    if (productIds.length)
      await batch.container.resolve(Modules.SEARCH).ingest({
        name: SEARCH_PRODUCTS_STALE_EVENT,
        data: { product_ids: productIds },
      })
  } catch (e: any) {
    logger.warn(
      `[search] could not refresh the search documents after stock changed: ${e?.message ?? e}`
    )
  }
}

/**
 * Stock moved (a level set, a reservation made or released): the text search
 * documents of the products drawing on that inventory item are rebuilt, so
 * sizes and "in stock in the region" stay true for counts and facets. The
 * inventory events carry level/reservation ids and the Search Module's index
 * context only has `query`, so the mapping to products happens here and the
 * index gets a products-stale event of its own.
 */
export default async function stockChangedReindexSearch({
  event,
  container,
}: SubscriberArgs<Payload | Payload[]>) {
  const rows = (Array.isArray(event.data) ? event.data : [event.data]).filter(
    (d) => d?.id
  )
  if (!rows.length) return
  if (!pending) {
    pending = {
      container,
      items: new Set(),
      levels: new Set(),
      reservations: new Set(),
    }
    setTimeout(flush, COALESCE_MS)
  }
  const reservation = event.name.includes("reservation-item")
  for (const r of rows) {
    if (r.inventory_item_id) pending.items.add(r.inventory_item_id)
    else (reservation ? pending.reservations : pending.levels).add(r.id)
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
