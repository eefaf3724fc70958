import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"
import type { SignalKind } from "../../modules/recommendations/service"
import { LOOKBOOK_MODULE } from "../../modules/lookbook"
import { trainRecommendationsWorkflow } from "../../workflows/recommendations/train"

/** A small deterministic generator, so every demo store gets the same signals. */
function prng(seed: number) {
  return () => {
    seed = (seed * 48271) % 2147483647
    return seed / 2147483647
  }
}

/**
 * Recommendation signals for the demo store, once: the demo shopper and the
 * social seed's shoppers each have a taste (a gender, two occasions, a few
 * article types and colours) and view, add to cart, like and buy products
 * that fit it; every lookbook look is worn by three of them (`look` signals,
 * the outfit co-occurrence). Then one training run, so the demo shopper sees
 * personal lists and outfits on `npm run dev`.
 */
export async function ensureRecommendationSignals(
  container: MedusaContainer,
  log: (m: string) => void
) {
  const recs = container.resolve<RecommendationsModuleService>(
    RECOMMENDATIONS_MODULE
  )
  if ((await recs.listRecSignals({}, { select: ["id"], take: 1 })).length) {
    log("recommendations: already seeded")
    return
  }
  const customers = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({}, { select: ["id", "email"], take: null as any })
  const demo = customers.find((c) => c.email === "demo@curatorai.local")
  const shoppers = [
    ...(demo ? [demo] : []),
    ...customers.filter((c) => c.email?.endsWith("@shoppers.curatorai.local")),
  ]
  if (!shoppers.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "metadata"],
    filters: { status: "published" } as any,
  })
  const rand = prng(20261202)
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  const signals: {
    customer_id: string
    product_id: string
    kind: SignalKind
  }[] = []
  for (const s of shoppers) {
    const gender = s === demo ? "Men" : rand() < 0.55 ? "Women" : "Men"
    const mine = (products as any[]).filter((p) =>
      [gender, "Unisex"].includes(p.metadata?.gender)
    )
    const usages =
      s === demo
        ? ["Casual", "Sports"]
        : [
            ...new Set([
              pick(["Casual", "Casual", "Formal", "Sports"]),
              "Casual",
            ]),
          ]
    const articles = new Set(
      Array.from({ length: 4 }, () => pick(mine)?.metadata?.article_type)
    )
    const colours = new Set(
      Array.from({ length: 3 }, () => pick(mine)?.metadata?.base_colour)
    )
    const liked = mine.filter(
      (p) =>
        usages.includes(p.metadata?.usage) &&
        (articles.has(p.metadata?.article_type) ||
          colours.has(p.metadata?.base_colour))
    )
    // a small catalogue may not have enough that fits: widen to the occasion, then the gender
    const fitting = mine.filter((p) => usages.includes(p.metadata?.usage))
    const pool =
      liked.length >= 4 ? liked : fitting.length >= 4 ? fitting : mine
    const order = [...pool].sort(() => rand() - 0.5).slice(0, 16)
    order.forEach((p, i) => {
      signals.push({ customer_id: s.id, product_id: p.id, kind: "view" })
      if (i < 6)
        signals.push({ customer_id: s.id, product_id: p.id, kind: "cart" })
      if (i < 4)
        signals.push({ customer_id: s.id, product_id: p.id, kind: "like" })
      if (i < 2)
        signals.push({ customer_id: s.id, product_id: p.id, kind: "purchase" })
    })
  }
  // looks are merchant-curated outfits: three shoppers each wear every look
  const hotspots = await (container.resolve(LOOKBOOK_MODULE) as any)
    .listLookHotspots({}, { relations: ["look"], take: null })
    .catch(() => [])
  const byLook = new Map<string, string[]>()
  for (const h of hotspots as any[]) {
    const id = h.look?.id
    if (!id) continue
    byLook.set(id, [...(byLook.get(id) ?? []), h.product_id])
  }
  let n = 0
  for (const items of byLook.values())
    for (let k = 0; k < 3; k++) {
      const s = shoppers[(n++ * 7) % shoppers.length]
      for (const product_id of new Set(items))
        signals.push({ customer_id: s.id, product_id, kind: "look" })
    }
  await recs.record(signals)
  const { result } = await trainRecommendationsWorkflow(container).run({
    input: {},
  })
  log(
    `recommendations: ${signals.length} signals of ${shoppers.length} shoppers, ${byLook.size} looks; trained on ${result.shoppers} shoppers × ${result.items} products`
  )
}
