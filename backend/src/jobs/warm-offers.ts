import type { MedusaContainer } from "@medusajs/framework/types"
import { startWarming } from "../lib/offers"

/**
 * Starts reading the catalogue's product structures within a minute of boot,
 * before shoppers ask (lib/offers/cache.ts: otherwise the first request starts
 * it and the requests of the next half minute at 10,000 products read cold),
 * and keeps them refreshed. A no-op while a warm-up runs or is recent. Jobs run
 * in the `shared` and `worker` modes; a `server`-only process still warms on
 * its first request.
 */
export default async function warmOffers(container: MedusaContainer) {
  startWarming(container)
}

export const config = { name: "warm-offers", schedule: "* * * * *" }
