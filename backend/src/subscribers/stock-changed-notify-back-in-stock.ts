import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { checkBackInStock } from "../lib/social/back-in-stock"

type Payload = { id: string; inventory_item_id?: string }

/** A burst of stock events (one per level) is judged once, after this pause. */
const COALESCE_MS = 300
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
    if (!productIds.length) return
    const notified = await checkBackInStock(batch.container, productIds)
    if (notified.length)
      logger.info(
        `[social] back in stock: ${notified.length} shopper(s) notified`
      )
  } catch (e: any) {
    logger.warn(
      `[social] could not check back-in-stock after a stock change: ${e?.message ?? e}`
    )
  }
}

/**
 * Stock moved (a level set, a reservation released): shoppers who liked or
 * saved a post tagging a product of it, and waited for it in their size, get
 * one `back_in_stock` notification (lib/social/back-in-stock.ts decides).
 */
export default async function stockChangedNotifyBackInStock({
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
  // the module's own events and the workflows' ones: either may be all a change emits.
  // Stock going down matters too: it starts the wait of those who can no longer buy.
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
