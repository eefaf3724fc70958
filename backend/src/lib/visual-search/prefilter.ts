import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Cheap reasons to pass a candidate over before pricing it and reading its
 * stock, cached per process:
 *  - the sizes each product comes in (a photo of a bag asked for in M would
 *    otherwise walk hundreds of products);
 *  - each product's price range per region, remembered from the last full
 *    check (a low budget otherwise prices dozens of candidates it cannot buy).
 * The caches only ever *skip*; every product returned is still checked against
 * fresh data, so a stale entry can hide a product that just gained the size or
 * got cheaper (for at most TTL_MS, or until this instance sees the
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

const ranges = new Map<string, { min: number; max: number; at: number }>()

/** Records the lowest and highest price of a product's variants in a region (from a full check). */
export function rememberPriceRange(regionId: string, productId: string, amounts: number[]) {
  if (!amounts.length) return
  if (ranges.size > 200_000) ranges.clear()
  ranges.set(`${regionId}|${productId}`, { min: Math.min(...amounts), max: Math.max(...amounts), at: Date.now() })
}

/** True when the remembered prices of the product cannot meet the budget. */
export function outOfBudget(regionId: string, productId: string, budget: { min_price?: number; max_price?: number }): boolean {
  const r = ranges.get(`${regionId}|${productId}`)
  if (!r || r.at <= Date.now() - TTL_MS) return false
  return (budget.max_price != null && r.min > budget.max_price) || (budget.min_price != null && r.max < budget.min_price)
}

/** Forgets these products (they changed). */
export function forgetProducts(ids: string[]) {
  for (const id of ids) cache.delete(id)
  for (const key of ranges.keys()) if (ids.includes(key.slice(key.indexOf("|") + 1))) ranges.delete(key)
}
