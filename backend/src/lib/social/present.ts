import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { SOCIAL_MODULE } from "../../modules/social"
import type SocialModuleService from "../../modules/social/service"
import { tagOffers } from "./offers"
import { Timings } from "../timings"

export type Viewer = {
  customer_id: string | null
  region_id: string
  sales_channel_ids: string[]
}

let firstRegion: { id: string; at: number } | null = null
/** The region a request names, or the store's first region (cached a minute). */
export async function viewerRegion(
  container: MedusaContainer,
  regionId?: string
): Promise<string> {
  if (regionId) return regionId
  if (firstRegion && firstRegion.at > Date.now() - 60_000) return firstRegion.id
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "region",
    fields: ["id", "created_at"],
  })
  const sorted = (data as any[]).sort(
    (a, b) =>
      +new Date(a.created_at) - +new Date(b.created_at) ||
      a.id.localeCompare(b.id)
  )
  if (!sorted.length)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "This store has no region yet."
    )
  firstRegion = { id: sorted[0].id, at: Date.now() }
  return firstRegion.id
}

/**
 * Posts in the contract's shape, in the order of `ids`: author, images, tags
 * with the tagged product and its variants purchasable in the viewer's region,
 * counters and the viewer's own like/save.
 *
 * Two reads side by side: the cards (one SQL round trip) and the buyability of
 * every tagged product of the page (one `sellableProducts` call), which starts
 * as soon as the page's product ids are known.
 */
export async function presentPosts(
  container: MedusaContainer,
  ids: string[],
  viewer: Viewer,
  timings = new Timings()
) {
  if (!ids.length) return []
  const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
  const [rows, offers] = await Promise.all([
    timings.time("cards", () => social.postCards(ids, viewer.customer_id)),
    timings.time("offers", async () =>
      tagOffers(container, await social.taggedProductIds(ids), viewer, timings)
    ),
  ])
  const byId = new Map(rows.map((p) => [p.id, p]))
  return ids
    .filter((id) => byId.has(id))
    .map((id) => {
      const p = byId.get(id)!
      return {
        id: p.id,
        author: {
          id: p.customer_id,
          handle: p.handle ?? null,
          display_name: p.display_name ?? null,
          avatar_url: p.avatar_url ?? null,
        },
        caption: p.caption,
        hashtags: p.hashtags ?? [],
        occasion: p.occasion,
        season: p.season,
        images: p.images,
        tags: p.tags.map((t) => {
          const offer = offers.get(t.product_id)
          return {
            image: t.image,
            x: t.x,
            y: t.y,
            product: offer?.product ?? {
              id: t.product_id,
              title: null,
              handle: null,
              thumbnail: null,
            },
            variant_id: t.variant_id,
            variants: offer?.variants ?? [],
          }
        }),
        likes_count: p.likes_count,
        comments_count: p.comments_count,
        saves_count: p.saves_count,
        liked_by_me: p.liked_by_me,
        saved_by_me: p.saved_by_me,
        visibility: p.visibility,
        status: p.status,
        created_at: p.created_at,
      }
    })
}
