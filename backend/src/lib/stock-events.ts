import type { SubscriberArgs } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

type Payload = { id: string; inventory_item_id?: string }

/**
 * Stock events, the inventory module's own and the workflows' ones: either may
 * be all a change emits.
 */
export const STOCK_EVENTS = [
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
]

/**
 * A subscriber handler for STOCK_EVENTS that turns a burst of them (one per
 * level or reservation) into the products they touch, once, `coalesceMs` after
 * the first: the events carry level / reservation ids, read here (deleted ones
 * too) for their inventory items, then the products whose variants draw on
 * those items. `onProducts` gets them; what it throws is logged, not raised.
 */
export function onStockChangedProducts(
  what: string,
  coalesceMs: number,
  onProducts: (
    container: MedusaContainer,
    productIds: string[]
  ) => Promise<void>
) {
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
      const { data } = await batch.container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
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
      ] as string[]
      if (productIds.length) await onProducts(batch.container, productIds)
    } catch (e: any) {
      logger.warn(`could not ${what} after a stock change: ${e?.message ?? e}`)
    }
  }

  return async function handle({
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
      setTimeout(flush, coalesceMs)
    }
    const reservation = event.name.includes("reservation-item")
    for (const r of rows) {
      if (r.inventory_item_id) pending.items.add(r.inventory_item_id)
      else (reservation ? pending.reservations : pending.levels).add(r.id)
    }
  }
}
