import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SOCIAL_MODULE } from "../../modules/social"
import type SocialModuleService from "../../modules/social/service"
import { STYLE_PROFILE_MODULE } from "../../modules/style-profile"
import type StyleProfileModuleService from "../../modules/style-profile/service"
import { familyOf } from "../style-vocabulary"
import { tagOffers } from "./offers"
import { viewerRegion } from "./present"

type Pair = { product_id: string; customer_id: string }

/**
 * Each shopper's size for each product: the style profile's size for the
 * product's garment family, or none (any size will do) when they gave none
 * or the product is an accessory.
 */
async function sizesFor(container: MedusaContainer, pairs: Pair[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const productIds = [...new Set(pairs.map((p) => p.product_id))]
  const customerIds = [...new Set(pairs.map((p) => p.customer_id))]
  const [{ data: products }, profiles] = await Promise.all([
    query.graph({
      entity: "product",
      fields: ["id", "metadata"],
      filters: { id: productIds },
    }),
    container
      .resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
      .listStyleProfiles(
        { customer_id: customerIds },
        { select: ["customer_id", "sizes"], take: null }
      ) as Promise<any[]>,
  ])
  const family = new Map(
    (products as any[]).map((p) => [p.id, familyOf(p.metadata ?? {})])
  )
  const sizes = new Map(
    profiles.map((p) => [
      p.customer_id,
      (p.sizes ?? {}) as Record<string, string>,
    ])
  )
  return (pair: Pair): string | null => {
    const f = family.get(pair.product_id)
    if (!f || f === "accessories") return null
    return sizes.get(pair.customer_id)?.[f] || null
  }
}

/**
 * Which of these (shopper, product) pairs can buy the product now in the
 * shopper's size, asked of the buyability rule once per (product, size), in
 * the store's first region and every sales channel.
 */
async function judgePairs(container: MedusaContainer, pairs: Pair[]) {
  const sizeOf = await sizesFor(container, pairs)
  const region_id = await viewerRegion(container)
  const bySize = new Map<string, Set<string>>()
  for (const p of pairs) {
    const key = sizeOf(p) ?? ""
    bySize.set(key, (bySize.get(key) ?? new Set()).add(p.product_id))
  }
  const buyable = new Set<string>()
  for (const [size, ids] of bySize) {
    const offers = await tagOffers(
      container,
      [...ids],
      { region_id, sales_channel_ids: [], ...(size ? { size } : {}) },
      undefined,
      { display: false }
    )
    for (const id of ids)
      if (offers.get(id)?.variants.length) buyable.add(`${id}|${size}`)
  }
  return pairs.map((p) => {
    const size = sizeOf(p)
    return { ...p, size, buyable: buyable.has(`${p.product_id}|${size ?? ""}`) }
  })
}

/**
 * Stock of these products moved: shoppers who liked or saved a post tagging
 * one and were waiting for it get one `back_in_stock` notification when it is
 * buyable in their size again; those who cannot buy it now start waiting.
 * Answers the shoppers notified.
 */
export async function checkBackInStock(
  container: MedusaContainer,
  productIds: string[]
): Promise<Pair[]> {
  const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
  const pairs = await social.interestedShoppers(productIds)
  if (!pairs.length) return []
  const judged = await judgePairs(container, pairs)
  await social.armStockWatches(judged.filter((j) => !j.buyable))
  const notified: Pair[] = []
  for (const productId of new Set(judged.map((j) => j.product_id))) {
    const ready = judged
      .filter((j) => j.product_id === productId && j.buyable)
      .map((j) => j.customer_id)
    for (const customer_id of await social.fireStockWatches(productId, ready))
      notified.push({ product_id: productId, customer_id })
  }
  return notified
}

/**
 * A shopper liked or saved a post: the tagged products they cannot buy in
 * their size now are watched, so that their return is noticed.
 */
export async function watchPostProducts(
  container: MedusaContainer,
  customerId: string,
  postId: string
): Promise<number> {
  const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
  const productIds = await social.taggedProductIds([postId])
  if (!productIds.length) return 0
  const judged = await judgePairs(
    container,
    productIds.map((product_id) => ({ product_id, customer_id: customerId }))
  )
  return social.armStockWatches(judged.filter((j) => !j.buyable))
}
