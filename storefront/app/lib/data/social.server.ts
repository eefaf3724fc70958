import { storeRequest } from "./store-fetch.server"

export type FeedMode = "following" | "trending" | "for_you"
export type TagVariant = {
  id: string
  title: string
  size: string | null
  calculated_price: number
  currency_code: string
  in_stock: boolean
}
/** A product with the variants this viewer can buy (look-alikes, suggestions). */
export type ProductOffer = {
  product: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
  }
  variants: TagVariant[]
}
export type PostTag = {
  image: number
  x: number
  y: number
  product: {
    id: string
    title: string | null
    handle: string | null
    thumbnail: string | null
  }
  variant_id: string | null
  variants: TagVariant[]
  /** on the post page, for a tagged product this viewer cannot buy: look-alikes they can */
  similar_in_stock?: ProductOffer[]
}
export type Post = {
  id: string
  author: {
    id: string
    handle: string | null
    display_name: string | null
    avatar_url: string | null
  }
  caption: string
  hashtags: string[]
  images: { url: string; width: number; height: number }[]
  tags: PostTag[]
  likes_count: number
  comments_count: number
  saves_count: number
  liked_by_me: boolean
  saved_by_me: boolean
  visibility: "public" | "followers"
  status?: "visible" | "pending" | "hidden"
  created_at: string
}
export type Comment = {
  id: string
  parent_id: string | null
  author: { id?: string; handle: string | null }
  text: string | null
  deleted: boolean
  created_at: string
}
export type Shopper = {
  handle: string
  display_name: string
  bio: string | null
  avatar_url: string | null
  followers_count: number
  following_count: number
  posts_count: number
  followed_by_me: boolean
  is_me: boolean
}
export type Notification = {
  id: string
  type: "like" | "comment" | "reply" | "follow" | "back_in_stock"
  actor: { handle: string | null; display_name: string | null } | null
  post_id: string | null
  read_at: string | null
  created_at: string
}

/** Thrown for an answer the page should show (4xx with the API's message). */
export class SocialError extends Error {
  constructor(
    public status: number,
    message: string
  ) {
    super(message)
  }
}
const ok = <T>(r: { status: number; body: T }) => {
  if (r.status >= 400)
    throw new SocialError(
      r.status,
      (r.body as { message?: string })?.message ??
        `Request failed (${r.status})`
    )
  return r.body
}

export async function getFeed(
  mode: FeedMode,
  opts: { token: string | null; cursor?: string; regionId: string }
) {
  return ok(
    await storeRequest<{ posts: Post[]; next_cursor: string | null }>(
      "/store/feed",
      {
        query: {
          mode,
          cursor: opts.cursor,
          region_id: opts.regionId,
          limit: 12,
        },
        token: opts.token,
      }
    )
  )
}

/** The post, or null when it does not exist or this viewer may not see it. */
export async function getPost(
  id: string,
  opts: { token: string | null; regionId: string }
) {
  const r = await storeRequest<{ post: Post }>(
    `/store/feed/posts/${encodeURIComponent(id)}`,
    { query: { region_id: opts.regionId }, token: opts.token }
  )
  if (r.status === 404) return null
  return ok(r).post
}

export async function getComments(id: string, token: string | null) {
  return ok(
    await storeRequest<{ comments: Comment[] }>(
      `/store/feed/posts/${encodeURIComponent(id)}/comments`,
      { token }
    )
  ).comments
}

export async function getShopper(
  handle: string,
  opts: { token: string | null; regionId: string }
) {
  const r = await storeRequest<{ shopper: Shopper; posts: Post[] }>(
    `/store/shoppers/${encodeURIComponent(handle)}`,
    { query: { region_id: opts.regionId }, token: opts.token }
  )
  if (r.status === 404) return null
  return ok(r)
}

type Write =
  "like" | "unlike" | "save" | "unsave" | "comment" | "report" | "delete"
/** One shopper action on a post; the API's 4xx message is thrown as SocialError. */
export async function postAction(
  token: string,
  id: string,
  action: Write,
  body?: Record<string, unknown>
) {
  const path = `/store/feed/posts/${encodeURIComponent(id)}`
  const call = {
    like: [`${path}/like`, "POST"],
    unlike: [`${path}/like`, "DELETE"],
    save: [`${path}/save`, "POST"],
    unsave: [`${path}/save`, "DELETE"],
    comment: [`${path}/comments`, "POST"],
    report: [`${path}/report`, "POST"],
    delete: [path, "DELETE"],
  }[action]
  return ok(
    await storeRequest(call[0], { method: call[1], json: body ?? {}, token })
  )
}

/** Reports a comment or a shopper's profile to the moderators. */
export async function report(
  token: string,
  target: { comment_id: string } | { handle: string },
  reason: string
) {
  const path =
    "comment_id" in target
      ? `/store/feed/comments/${encodeURIComponent(target.comment_id)}/report`
      : `/store/shoppers/${encodeURIComponent(target.handle)}/report`
  return ok(
    await storeRequest(path, { method: "POST", json: { reason }, token })
  )
}

export async function follow(token: string, handle: string, on: boolean) {
  return ok(
    await storeRequest(`/store/shoppers/${encodeURIComponent(handle)}/follow`, {
      method: on ? "POST" : "DELETE",
      json: {},
      token,
    })
  )
}

export async function createPost(token: string, form: FormData) {
  return ok(
    await storeRequest<{ post: Post }>("/store/feed/posts", {
      body: form,
      token,
      timeoutMs: 60_000,
    })
  ).post
}

export async function getMyProfile(token: string) {
  return ok(
    await storeRequest<{
      social_profile: (Shopper & { handle: string }) | null
    }>("/store/customers/me/social-profile", { token })
  ).social_profile
}

export async function saveMyProfile(
  token: string,
  body: { handle: string; display_name: string; bio?: string }
) {
  return ok(
    await storeRequest<{ social_profile: Shopper }>(
      "/store/customers/me/social-profile",
      { json: body, token }
    )
  ).social_profile
}

export async function getNotifications(token: string) {
  return ok(
    await storeRequest<{ notifications: Notification[]; unread_count: number }>(
      "/store/customers/me/notifications",
      { query: { limit: 50 }, token }
    )
  )
}

/** The header bell's number; 0 when anything fails (a page must never break on it). */
export async function unreadCount(token: string | null) {
  if (!token) return 0
  try {
    const r = await storeRequest<{ unread_count: number }>(
      "/store/customers/me/notifications",
      { query: { limit: 1 }, token, timeoutMs: 3000 }
    )
    return r.status === 200 ? r.body.unread_count : 0
  } catch {
    return 0
  }
}

export async function markRead(token: string, ids?: string[]) {
  return ok(
    await storeRequest("/store/customers/me/notifications/read", {
      json: ids ? { ids } : {},
      token,
    })
  )
}

export type ProductHit = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
}
/** Products to tag, by text (Medusa's `q`); an empty list on any failure. */
export async function searchProducts(
  q: string,
  regionId: string
): Promise<ProductHit[]> {
  try {
    const r = await storeRequest<{ products: ProductHit[] }>(
      "/store/products",
      {
        query: {
          q,
          region_id: regionId,
          limit: 12,
          fields: "id,title,handle,thumbnail",
        },
      }
    )
    return r.status === 200 ? r.body.products : []
  } catch {
    return []
  }
}

export type TagSuggestion = {
  /** the photo's index in the post */
  image: number
  products: (ProductOffer & { score: number })[]
}
/**
 * What visual search finds in the post's untagged photos, for its author to
 * confirm; null when the viewer is not the author (the API answers 404) or on
 * any failure (the suggestions are an offer: the page must not break on them).
 */
export async function getTagSuggestions(
  id: string,
  opts: { token: string; regionId: string }
): Promise<TagSuggestion[] | null> {
  try {
    const r = await storeRequest<{ suggestions: TagSuggestion[] }>(
      `/store/feed/posts/${encodeURIComponent(id)}/tag-suggestions`,
      {
        query: { region_id: opts.regionId, limit: 6 },
        token: opts.token,
        timeoutMs: 20_000,
      }
    )
    return r.status === 200 ? r.body.suggestions : null
  } catch {
    return null
  }
}

/** The author tags products on the post's photos; the API's 4xx message is thrown as SocialError. */
export async function addPostTags(
  token: string,
  id: string,
  tags: {
    image: number
    x: number
    y: number
    product_id: string
    variant_id?: string
  }[]
) {
  return ok(
    await storeRequest<{ post: Post }>(
      `/store/feed/posts/${encodeURIComponent(id)}/tags`,
      { method: "POST", json: { tags }, token }
    )
  ).post
}
