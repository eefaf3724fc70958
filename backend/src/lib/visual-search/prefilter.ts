import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { forgetOffers } from "./offers"
import { forgetStructures } from "./purchasable"
import { forgetCategoryKeys } from "./category-consensus"

/**
 * The sizes each product comes in, cached per process: a photo of a bag asked
 * for in M would otherwise price hundreds of products before finding one in M.
 * One cheap query covers the next couple of hundred candidates, which is what
 * a search needs when its candidates have no offer on the sheet yet
 * (offers.ts). The cache only ever *skips*; every product returned is still
 * checked against fresh data, so a stale entry can hide a product that just
 * gained the size (for at most TTL_MS, or until this instance sees the
 * product.updated event) but never shows a wrong one.
 */
const TTL_MS = 60_000
const cache = new Map<string, { sizes: Set<string>; at: number }>()

export const normaliseSize = (s: string) => s.trim().toLowerCase()

export async function productSizes(container: MedusaContainer, ids: string[]): Promise<Map<string, Set<string>>> {
  const now = Date.now()
  const missing = ids.filter((id) => !((cache.get(id)?.at ?? -Infinity) > now - TTL_MS))
  if (missing.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "options.id", "options.title", "variants.options.value", "variants.options.option_id"],
      filters: { id: missing },
    })
    if (cache.size > 200_000) cache.clear()
    for (const p of data as any[]) {
      const sizeOptions = new Set((p.options ?? []).filter((o: any) => o?.title === "Size").map((o: any) => o.id))
      const sizes = new Set<string>()
      for (const v of p.variants ?? []) for (const o of v?.options ?? []) if (sizeOptions.has(o?.option_id) && o.value) sizes.add(normaliseSize(o.value))
      cache.set(p.id, { sizes, at: now })
    }
  }
  return new Map(ids.map((id) => [id, cache.get(id)?.sizes ?? new Set<string>()]))
}

/** Forgets these products (they changed): their sizes, structures, offers and category keys. */
export function forgetProducts(ids: string[]) {
  for (const id of ids) cache.delete(id)
  forgetOffers(ids)
  forgetStructures(ids)
  forgetCategoryKeys(ids)
}
