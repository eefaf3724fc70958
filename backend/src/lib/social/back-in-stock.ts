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
 * Each shopper's size for each product (the style profile's size for the
 * product's garment family, or none — any size will do — when they gave none
 * or the product is an accessory), and the region they shop in (the region
 * serving their profile's country, else the store's first region).
 */
export async function shoppersSizes(container: MedusaContainer, pairs: Pair[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const productIds = [...new Set(pairs.map((p) => p.product_id))]
  const customerIds = [...new Set(pairs.map((p) => p.customer_id))]
  const [{ data: products }, profiles, { data: regions }, fallback] =
    await Promise.all([
      query.graph({
        entity: "product",
        fields: ["id", "metadata"],
        filters: { id: productIds },
      }),
      container
        .resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
        .listStyleProfiles(
          { customer_id: customerIds },
          { select: ["customer_id", "sizes", "country_code"], take: null }
        ) as Promise<any[]>,
      query.graph({ entity: "region", fields: ["id", "countries.iso_2"] }),
      viewerRegion(container),
    ])
  const family = new Map(
    (products as any[]).map((p) => [p.id, familyOf(p.metadata ?? {})])
  )
  const regionOfCountry = new Map<string, string>()
  for (const r of regions as any[])
    for (const c of r.countries ?? [])
      if (c?.iso_2) regionOfCountry.set(c.iso_2.toLowerCase(), r.id)
  const byCustomer = new Map(profiles.map((p) => [p.customer_id, p]))
  return {
    sizeOf(pair: Pair): string | null {
      const f = family.get(pair.product_id)
      if (!f || f === "accessories") return null
      return byCustomer.get(pair.customer_id)?.sizes?.[f] || null
    },
    regionOf(customerId: string): string {
      const country = byCustomer.get(customerId)?.country_code
      return (country && regionOfCountry.get(country.toLowerCase())) || fallback
    },
  }
}

/**
 * Which of these (shopper, product) pairs can buy the product now in the
 * shopper's size and region, asked of the buyability rule once per (region,
 * size), through every sales channel.
 */
async function judgePairs(container: MedusaContainer, pairs: Pair[]) {
  const { sizeOf, regionOf } = await shoppersSizes(container, pairs)
  const groups = new Map<
    string,
    { region_id: string; size: string; ids: Set<string> }
  >()
  const keyOf = (p: Pair) => `${regionOf(p.customer_id)}|${sizeOf(p) ?? ""}`
  for (const p of pairs) {
    const key = keyOf(p)
    const g = groups.get(key) ?? {
      region_id: regionOf(p.customer_id),
      size: sizeOf(p) ?? "",
      ids: new Set<string>(),
    }
    g.ids.add(p.product_id)
    groups.set(key, g)
  }
  const buyable = new Set<string>()
  for (const [key, { region_id, size, ids }] of groups) {
    const offers = await tagOffers(
      container,
      [...ids],
      { region_id, sales_channel_ids: [], ...(size ? { size } : {}) },
      undefined,
      { display: false }
    )
    for (const id of ids)
      if (offers.get(id)?.variants.length) buyable.add(`${id}|${key}`)
  }
  return pairs.map((p) => ({
    ...p,
    size: sizeOf(p),
    buyable: buyable.has(`${p.product_id}|${keyOf(p)}`),
  }))
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
