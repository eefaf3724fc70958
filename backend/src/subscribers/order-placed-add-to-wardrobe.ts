import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addOrderToWardrobeWorkflow } from "../workflows/wardrobe/add-order-to-wardrobe"

/**
 * Purchased items arrive in the wardrobe by themselves. Idempotent per order
 * line (the event may be delivered twice; a unique index backs the check).
 */
export default async function orderPlacedAddToWardrobe({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  try {
    await addOrderToWardrobeWorkflow(container).run({
      input: { order_id: event.data.id },
    })
  } catch (e: any) {
    // a concurrent delivery already added the lines: nothing is lost
    if (/unique|duplicate|already exists/i.test(String(e?.message))) return
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `wardrobe: order ${event.data.id} was not added to the wardrobe: ${e?.message ?? e}`
      )
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "order-placed-add-to-wardrobe" },
}
