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
 */
export async function presentPosts(
  container: MedusaContainer,
  ids: string[],
  viewer: Viewer,
  timings = new Timings()
) {
  if (!ids.length) return []
  const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
  // tags first, so that the buyability read runs beside the other parts
  const [posts, tags] = (await timings.time("posts", () =>
    Promise.all([
      social.listSocialPosts({ id: ids }),
      social.listSocialPostTags(
        { post_id: ids },
        { order: { created_at: "ASC" }, take: null as any }
      ),
    ])
  )) as [any[], any[]]
  const authors = [...new Set(posts.map((p) => p.customer_id))]
  const [profiles, images, reactions, offers] = await timings.time(
    "parts",
    () =>
      Promise.all([
        social.listSocialProfiles({ customer_id: authors }),
        social.listSocialPostImages(
          { post_id: ids },
          { order: { position: "ASC" }, take: null as any }
        ),
        viewer.customer_id
          ? social.reactionsOf(viewer.customer_id, ids)
          : Promise.resolve({
              liked: new Set<string>(),
              saved: new Set<string>(),
            }),
        tagOffers(
          container,
          [...new Set(tags.map((t) => t.product_id))],
          viewer
        ),
      ])
  )
  const byAuthor = new Map((profiles as any[]).map((p) => [p.customer_id, p]))
  const byId = new Map(posts.map((p) => [p.id, p]))
  return ids
    .filter((id) => byId.has(id))
    .map((id) => {
      const p = byId.get(id)
      const a = byAuthor.get(p.customer_id)
      return {
        id: p.id,
        author: {
          id: p.customer_id,
          handle: a?.handle ?? null,
          display_name: a?.display_name ?? null,
          avatar_url: a?.avatar_url ?? null,
        },
        caption: p.caption,
        hashtags: p.hashtags ?? [],
        occasion: p.occasion,
        season: p.season,
        images: (images as any[])
          .filter((i) => i.post_id === id)
          .map((i) => ({ url: i.url, width: i.width, height: i.height })),
        tags: (tags as any[])
          .filter((t) => t.post_id === id)
          .map((t) => {
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
        liked_by_me: reactions.liked.has(id),
        saved_by_me: reactions.saved.has(id),
        visibility: p.visibility,
        status: p.status,
        created_at: p.created_at,
      }
    })
}
