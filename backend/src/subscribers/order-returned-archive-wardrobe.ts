import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { archiveOrderLinesWorkflow } from "../workflows/wardrobe/archive-order-lines"

type Payload = { id?: string; order_id?: string; return_id?: string }

/** A canceled order archives all its wardrobe items; a received return archives the lines it brought back. */
export default async function orderReturnedArchiveWardrobe({
  event,
  container,
}: SubscriberArgs<Payload>) {
  const order_id = event.data.order_id ?? event.data.id
  if (!order_id) return
  try {
    await archiveOrderLinesWorkflow(container).run({
      input: {
        order_id,
        return_id:
          event.name === "order.return_received"
            ? event.data.return_id
            : undefined,
      },
    })
  } catch (e: any) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `wardrobe: items of order ${order_id} were not archived: ${e?.message ?? e}`
      )
  }
}

export const config: SubscriberConfig = {
  event: ["order.canceled", "order.return_received"],
  context: { subscriberId: "order-returned-archive-wardrobe" },
}
