import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  forgetProducts,
  forgetReads,
  productsOfInventoryItems,
} from "../lib/offers"

type Payload = { id: string; inventory_item_id?: string }

/**
 * Stock moved (a level was set, a reservation made or released): the
 * buyability rule forgets the products drawing on that inventory item (and
 * with it every cache built on it, such as visual search's offer sheet), so a
 * restocked product is back in results at the next search instead of after
 * the sheet's TTL, and its cached levels (displays only) are dropped.
 * (Decisions that write always read stock fresh.)
 */
export default async function stockChangedForgetOffers({
  event,
  container,
}: SubscriberArgs<Payload | Payload[]>) {
  const rows = (Array.isArray(event.data) ? event.data : [event.data]).filter(
    (d) => d?.id
  )
  if (!rows.length) return
  try {
    const itemIds = new Set(
      rows.map((r) => r.inventory_item_id).filter(Boolean) as string[]
    )
    const unknown = rows.filter((r) => !r.inventory_item_id).map((r) => r.id)
    if (unknown.length) {
      const inventory = container.resolve(Modules.INVENTORY)
      const found = event.name.includes("reservation-item")
        ? await inventory.listReservationItems(
            { id: unknown },
            { select: ["inventory_item_id"], withDeleted: true }
          )
        : await inventory.listInventoryLevels(
            { id: unknown },
            { select: ["inventory_item_id"], withDeleted: true }
          )
      for (const r of found as any[])
        if (r.inventory_item_id) itemIds.add(r.inventory_item_id)
    }
    if (itemIds.size) {
      forgetReads({ inventoryItemIds: [...itemIds] })
      forgetProducts(productsOfInventoryItems([...itemIds]))
    }
  } catch (e: any) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `[offers] could not map ${event.name} to products: ${e?.message ?? e}`
      )
  }
}

export const config: SubscriberConfig = {
  event: [
    "inventory.inventory-level.created",
    "inventory.inventory-level.updated",
    "inventory.inventory-level.deleted",
    "inventory.reservation-item.created",
    "inventory.reservation-item.updated",
    "inventory.reservation-item.deleted",
  ],
}
