import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../modules/recommendations"
import type RecommendationsModuleService from "../modules/recommendations/service"
import { forgetLists } from "../lib/recommendations/cache"

/** An order was placed: each product in it is a purchase signal of its customer (training reads these). */
export default async function orderPlacedRecordPurchases({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "items.product_id"],
    filters: { id: event.data.id },
  })
  const order: any = data[0]
  if (!order?.customer_id) return
  const ids = [
    ...new Set<string>(
      (order.items ?? []).map((i: any) => i?.product_id).filter(Boolean)
    ),
  ]
  await container
    .resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    .record(
      ids.map((product_id) => ({
        customer_id: order.customer_id,
        product_id,
        kind: "purchase",
      }))
    )
  await forgetLists(container, order.customer_id)
}

export const config: SubscriberConfig = { event: "order.placed" }
