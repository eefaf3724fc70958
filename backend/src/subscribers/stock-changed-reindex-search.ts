import type { SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { SEARCH_PRODUCTS_STALE_EVENT } from "../lib/search/events"
import { onStockChangedProducts, STOCK_EVENTS } from "../lib/stock-events"

/**
 * Stock moved (a level set, a reservation made or released): the text search
 * documents of the products drawing on that inventory item are rebuilt, so
 * sizes and "in stock in the region" stay true for counts and facets. The
 * Search Module's index context only has `query`, so the mapping to products
 * happens here (lib/stock-events) and the index gets a products-stale event of
 * its own. Bursts are refreshed together after 250 ms.
 */
export default onStockChangedProducts(
  "refresh the search documents",
  250,
  async (container, productIds) => {
    await container.resolve(Modules.SEARCH).ingest({
      name: SEARCH_PRODUCTS_STALE_EVENT,
      data: { product_ids: productIds },
    })
  }
)

export const config: SubscriberConfig = {
  event: STOCK_EVENTS,
  context: { subscriberId: "stock-changed-reindex-search" },
}
