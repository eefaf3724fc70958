import type { HttpTypes } from "@medusajs/types"
import { sdk } from "../medusa.server"

export const PRODUCT_FIELDS =
  "*variants.calculated_price,+variants.inventory_quantity,*variants.options,*options,*options.values,+metadata,*categories"

export type ProductSort = "newest" | "price_asc" | "price_desc"

/** A page of products priced for the region. Price sorting is not offered by the store API, so it is applied to the page. */
export async function listProducts(opts: {
  regionId: string
  limit: number
  offset?: number
  categoryIds?: string[]
  tagIds?: string[]
  sort?: ProductSort
}) {
  const { products, count } = await sdk.store.product.list({
    region_id: opts.regionId,
    limit: opts.limit,
    offset: opts.offset ?? 0,
    order: "-created_at",
    fields: PRODUCT_FIELDS,
    ...(opts.categoryIds?.length ? { category_id: opts.categoryIds } : {}),
    ...(opts.tagIds?.length ? { tag_id: opts.tagIds } : {}),
  })
  if (opts.sort === "price_asc" || opts.sort === "price_desc") {
    const dir = opts.sort === "price_asc" ? 1 : -1
    products.sort(
      (a, b) =>
        dir *
        ((minPrice(a)?.amount ?? Infinity) - (minPrice(b)?.amount ?? Infinity))
    )
  }
  return { products, count }
}

/** One product by handle, or null. */
export async function getProductByHandle(handle: string, regionId: string) {
  const { products } = await sdk.store.product.list({
    handle,
    region_id: regionId,
    limit: 1,
    fields: `${PRODUCT_FIELDS},*images`,
  })
  return products[0] ?? null
}

/** quantity is null when stock is not managed or backorders are allowed. */
export type VariantAvailability = {
  id: string
  size: string | null
  in_stock: boolean
  quantity: number | null
}

/**
 * Stock per variant for the region (the backend sums the region's stock locations).
 * Falls back to the sales-channel-wide `inventory_quantity` when the route is unavailable, so it never throws.
 */
export async function getAvailability(
  product: HttpTypes.StoreProduct,
  regionId: string
) {
  try {
    const res = await sdk.client.fetch<{
      region_id: string
      variants: VariantAvailability[]
    }>(`/store/products/${product.id}/availability`, {
      query: { region_id: regionId },
    })
    return { source: "region" as const, variants: res.variants }
  } catch {
    return {
      source: "fallback" as const,
      variants: (product.variants ?? []).map((v) => ({
        id: v.id,
        size: sizeOf(v),
        in_stock:
          !v.manage_inventory ||
          !!v.allow_backorder ||
          (v.inventory_quantity ?? 0) > 0,
        quantity: v.inventory_quantity ?? 0,
      })),
    }
  }
}

/** The region's stock per size of a product known by id only; [] when it cannot be read (never throws). */
export async function getAvailabilityById(
  productId: string,
  regionId: string
): Promise<VariantAvailability[]> {
  try {
    const res = await sdk.client.fetch<{ variants: VariantAvailability[] }>(
      `/store/products/${encodeURIComponent(productId)}/availability`,
      { query: { region_id: regionId } }
    )
    return res.variants
  } catch {
    return []
  }
}

export type SimilarProduct = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
}

/** Visually similar products; an empty list when the service is unavailable. Never throws. */
export async function getSimilarProducts(
  productId: string,
  regionId: string,
  limit = 6
): Promise<SimilarProduct[]> {
  try {
    const res = await sdk.client.fetch<{
      results?: { product?: Partial<SimilarProduct> }[]
    }>(`/store/products/${productId}/similar`, {
      query: { region_id: regionId, limit },
    })
    return (res.results ?? [])
      .map((r) => r.product)
      .filter(
        (p): p is SimilarProduct =>
          !!p?.id && !!p.handle && !!p.title && p.id !== productId
      )
      .map((p) => ({
        id: p.id,
        title: p.title,
        handle: p.handle,
        thumbnail: p.thumbnail ?? null,
      }))
  } catch {
    return []
  }
}

/** The value of the variant's "Size" option (falls back to the variant title). */
export function sizeOf(variant: HttpTypes.StoreProductVariant): string | null {
  const opt = variant.options?.find(
    (o) => o.option?.title?.toLowerCase() === "size"
  )
  return opt?.value ?? variant.title ?? null
}

/** The cheapest variant price for the region, in major units. */
export function minPrice(
  product: HttpTypes.StoreProduct
): { amount: number; currency: string } | null {
  let best: { amount: number; currency: string } | null = null
  for (const v of product.variants ?? []) {
    const p = v.calculated_price
    if (p?.calculated_amount == null || !p.currency_code) continue
    if (!best || p.calculated_amount < best.amount)
      best = { amount: p.calculated_amount, currency: p.currency_code }
  }
  return best
}

/** The product's sizes, in the option's order. */
export function sizesOf(product: HttpTypes.StoreProduct): string[] {
  const opt = product.options?.find((o) => o.title?.toLowerCase() === "size")
  const fromOption = opt?.values?.map((v) => v.value) ?? []
  if (fromOption.length) return orderSizes(fromOption)
  return orderSizes(
    (product.variants ?? []).map(sizeOf).filter((s): s is string => !!s)
  )
}

const SIZE_ORDER = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"]
function orderSizes(sizes: string[]) {
  const rank = (s: string) => {
    const i = SIZE_ORDER.indexOf(s.toUpperCase())
    return i === -1 ? SIZE_ORDER.length + (Number.parseFloat(s) || 0) : i
  }
  return [...new Set(sizes)].sort((a, b) => rank(a) - rank(b))
}

/** The lean shape a product card needs: keeps loader payloads small. */
export function toCard(product: HttpTypes.StoreProduct) {
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    thumbnail: product.thumbnail ?? product.images?.[0]?.url ?? null,
    price: minPrice(product),
    sizes: sizesOf(product),
  }
}
