import type { RemoteQueryFunction } from "@medusajs/framework/types"

/** Ingested (not emitted) by the stock subscriber: these products' stock changed. */
export const SEARCH_PRODUCTS_STALE_EVENT = "curator-search.products.stale"

/**
 * The events that rewrite a product's search documents. Prices change through
 * variant updates; a new product's variants come with its product.created
 * (product-variant.created, one per variant, would rebuild it once per size).
 */
export const PRODUCT_SEARCH_EVENTS = [
  "product.created",
  "product.updated",
  "product.deleted",
  "product-variant.updated",
  "product-variant.deleted",
  SEARCH_PRODUCTS_STALE_EVENT,
]

const asList = <T>(data: T | T[]): T[] =>
  (Array.isArray(data) ? data : [data]).filter(Boolean)

/** The products an event is about. */
export async function productIdsOfEvent(
  query: RemoteQueryFunction,
  event: { name: string; data: any }
): Promise<string[]> {
  const rows = asList(event.data) as any[]
  if (event.name === SEARCH_PRODUCTS_STALE_EVENT)
    return [...new Set(rows.flatMap((r) => r.product_ids ?? []))] as string[]
  if (event.name.startsWith("product-variant.")) {
    const known = rows.map((r) => r.product_id).filter(Boolean)
    const unknown = rows.filter((r) => !r.product_id && r.id).map((r) => r.id)
    if (unknown.length) {
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["id", "product_id"],
        filters: { id: unknown },
        withDeleted: true,
      } as any)
      for (const v of data as any[]) if (v.product_id) known.push(v.product_id)
    }
    return [...new Set(known)] as string[]
  }
  return [...new Set(rows.map((r) => r.id).filter(Boolean))] as string[]
}
