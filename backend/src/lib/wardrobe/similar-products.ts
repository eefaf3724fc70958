import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { searchPurchasable } from "../visual-search/search"

/**
 * "Shop similar": the catalogue products nearest to a wardrobe photo that
 * this shopper can buy in this region. The one place the wardrobe asks the
 * buyability rule (through the visual search contract).
 */
export async function similarPurchasable(
  container: MedusaContainer,
  vector: Float32Array,
  {
    regionId,
    salesChannelIds,
    limit = 3,
  }: { regionId?: string; salesChannelIds: string[]; limit?: number }
) {
  const region_id = regionId ?? (await defaultRegionId(container))
  if (!region_id) return []
  const { results } = await searchPurchasable(container, {
    region_id,
    vector,
    limit,
    salesChannelIds,
    started: Date.now(),
  })
  return results.map(({ product, variants, score }) => ({
    product,
    variants,
    score,
  }))
}

/** Without a region the shopper's first region is assumed (the store's oldest). */
async function defaultRegionId(
  container: MedusaContainer
): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "region",
    fields: ["id", "created_at"],
    pagination: { take: 1, order: { created_at: "ASC" } },
  })
  return (data[0] as any)?.id
}

/** A region the shopper names must exist: 404 naming the id, before anything is stored. */
export async function assertRegion(
  container: MedusaContainer,
  regionId: string
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "region",
    fields: ["id"],
    filters: { id: regionId },
  })
  if (!data.length)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Region with id "${regionId}" was not found`
    )
}
