import type { SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkBackInStock } from "../lib/social/back-in-stock"
import { onStockChangedProducts, STOCK_EVENTS } from "../lib/stock-events"

/**
 * Stock moved (a level set, a reservation released): shoppers who liked or
 * saved a post tagging a product of it, and waited for it in their size, get
 * one `back_in_stock` notification (lib/social/back-in-stock.ts decides).
 * Stock going down matters too: it starts the wait of those who can no longer
 * buy. A burst of events is judged once, after 300 ms.
 */
export default onStockChangedProducts(
  "check back-in-stock",
  300,
  async (container, productIds) => {
    const notified = await checkBackInStock(container, productIds)
    if (notified.length)
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .info(`[social] back in stock: ${notified.length} shopper(s) notified`)
  }
)

export const config: SubscriberConfig = {
  event: STOCK_EVENTS,
  context: { subscriberId: "stock-changed-notify-back-in-stock" },
}
