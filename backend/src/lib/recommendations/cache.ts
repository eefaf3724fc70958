import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"
import { STYLE_PROFILE_MODULE } from "../../modules/style-profile"
import type StyleProfileModuleService from "../../modules/style-profile/service"

/** Seconds a cached list lives at most (invalidation does the real work). */
const TTL = Number(process.env.CURATOR_RECS_CACHE_TTL ?? 600)

/** The tag every cached list of one shopper carries; feedback and signals clear it. */
export const shopperTag = (customerId: string) => `recs:customer:${customerId}`
/** The tag every cached list carries; a merchandising rule change clears it. */
export const ALL_LISTS = "recs:lists"

function cachingOf(container: MedusaContainer): any | null {
  try {
    return container.resolve(Modules.CACHING)
  } catch {
    return null
  }
}

/**
 * What a shopper's list depends on besides their signals and feedback: the
 * model, their style profile and quiz likes, and their wardrobe. These modules
 * do not emit events, so their state is part of the key (cheap id/updated_at
 * reads) — an edited profile or wardrobe, or a new model, is a new key at once.
 */
async function stampOf(
  container: MedusaContainer,
  customerId: string
): Promise<string> {
  const recs = container.resolve<RecommendationsModuleService>(
    RECOMMENDATIONS_MODULE
  )
  const profiles =
    container.resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
  let wardrobe: any = null
  try {
    wardrobe = container.resolve("wardrobe")
  } catch {
    wardrobe = null
  }
  const [model, profile, likes, owned] = await Promise.all([
    recs.latestModelId(),
    profiles.listStyleProfiles(
      { customer_id: customerId },
      { select: ["id", "updated_at"], take: 1 }
    ),
    profiles.listStyleLikes(
      { customer_id: customerId },
      { select: ["id"], take: null as any }
    ),
    wardrobe
      ? wardrobe
          .listWardrobeItems(
            { customer_id: customerId },
            { select: ["id", "updated_at"], take: null }
          )
          .catch(() => [])
      : [],
  ])
  const latest = (rows: any[]) =>
    rows.reduce((m, r) => Math.max(m, new Date(r.updated_at).getTime()), 0)
  return [
    model,
    profile[0] ? new Date(profile[0].updated_at).getTime() : 0,
    likes.length,
    likes
      .map((l: any) => l.id)
      .sort()
      .at(-1) ?? "",
    owned.length,
    latest(owned),
  ].join(":")
}

/**
 * A shopper's list through Medusa's Caching Module (in memory, or Redis when
 * REDIS_URL is set). Works uncached when the module is not registered.
 */
export async function cachedList<T extends { took_ms: number }>(
  container: MedusaContainer,
  customerId: string,
  params: Record<string, unknown>,
  compute: () => Promise<T>
): Promise<T> {
  const caching = cachingOf(container)
  if (!caching) return compute()
  const started = Date.now()
  const stamp = await stampOf(container, customerId)
  const key = `recs:${customerId}:${JSON.stringify(params)}:${stamp}`
  const hit = (await caching.get({ key }).catch(() => null)) as T | null
  if (hit) return { ...hit, took_ms: Date.now() - started }
  const fresh = await compute()
  await caching
    .set({
      key,
      data: fresh,
      ttl: TTL,
      tags: [shopperTag(customerId), ALL_LISTS],
    })
    .catch(() => undefined)
  return fresh
}

/** Forgets one shopper's cached lists (after their feedback or new signals); other shoppers' lists stay. */
export async function forgetLists(
  container: MedusaContainer,
  customerId: string
): Promise<void> {
  // tags are a union: naming ALL_LISTS here too would empty every shopper's cache
  await cachingOf(container)
    ?.clear({ tags: [shopperTag(customerId)] })
    .catch(() => undefined)
}

/** Forgets every cached list (after a merchandising rule changed). */
export async function forgetAllLists(
  container: MedusaContainer
): Promise<void> {
  await cachingOf(container)
    ?.clear({ tags: [ALL_LISTS] })
    .catch(() => undefined)
}
