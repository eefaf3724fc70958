import type { HttpTypes } from "@medusajs/types"
import { sdk } from "../medusa.server"
import { readCookie, regionCookie } from "../cookies.server"

const TTL_MS = 60_000
let cache: { at: number; regions: HttpTypes.StoreRegion[] } | null = null

/** All regions with their countries. Regions change rarely, so they are cached for a minute. */
export async function listRegions(): Promise<HttpTypes.StoreRegion[]> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.regions
  const { regions } = await sdk.store.region.list({
    fields: "id,name,currency_code,*countries",
    limit: 50,
  })
  cache = { at: Date.now(), regions }
  return regions
}

/** The default region: the first one charging EUR (Europe), else the first region. */
export function defaultRegion(
  regions: HttpTypes.StoreRegion[]
): HttpTypes.StoreRegion | undefined {
  return (
    regions.find((r) => r.currency_code?.toLowerCase() === "eur") ?? regions[0]
  )
}

/** The shopper's region: the one named by the `region_id` cookie when it still exists, else the default. */
export async function getRegion(request: Request) {
  const regions = await listRegions()
  const fromCookie = await readCookie(regionCookie, request)
  const region =
    regions.find((r) => r.id === fromCookie) ?? defaultRegion(regions)
  if (!region)
    throw new Response("The store has no regions configured", { status: 503 })
  return { region, regions }
}
