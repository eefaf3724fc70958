import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { forgetProducts, forgetReads, productsOfPriceSets } from "../lib/offers"

type Payload = { id: string }

/**
 * A price was created, changed or removed: the buyability rule forgets the
 * products it prices (and every cache built on the rule, such as visual
 * search's offer sheet), so a product that became affordable or priced in a
 * region is predicted right at the next search, and its cached price
 * (displays only) is dropped. Decisions that write always read prices fresh.
 */
export default async function priceChangedForgetProducts({
  event,
  container,
}: SubscriberArgs<Payload | Payload[]>) {
  const ids = (Array.isArray(event.data) ? event.data : [event.data])
    .map((d) => d?.id)
    .filter(Boolean) as string[]
  if (!ids.length) return
  try {
    const pricing = container.resolve(Modules.PRICING)
    const prices = await pricing.listPrices(
      { id: ids },
      { select: ["price_set_id"], withDeleted: true }
    )
    const priceSetIds = [
      ...new Set((prices as any[]).map((p) => p.price_set_id).filter(Boolean)),
    ] as string[]
    if (priceSetIds.length) {
      forgetReads({ priceSetIds })
      forgetProducts(productsOfPriceSets(priceSetIds))
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
    "pricing.price.created",
    "pricing.price.updated",
    "pricing.price.deleted",
  ],
}
