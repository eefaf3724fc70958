import { sdk } from "../medusa.server"

/** An order by id with its items, or null when it does not exist. */
export async function getOrder(id: string) {
  try {
    const { order } = await sdk.store.order.retrieve(id, {
      fields: "*items,+display_id,+total,+currency_code,+email",
    })
    return order
  } catch {
    return null
  }
}
