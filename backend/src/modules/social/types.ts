export type SocialModuleOptions = {
  /** distinct open reports after which a post is hidden pending review (default 3) */
  autohideReports?: number
  /** how far back `trending` and `for_you` look, in days (default 7) */
  trendingDays?: number
  /** how many of the window's newest posts `trending` and `for_you` score (default 3000) */
  trendingCandidates?: number
}

export type FeedMode = "following" | "trending" | "for_you"

/** What a feed page knows of its position; opaque to clients (base64url JSON). */
export type FeedCursor = { m: FeedMode; t: string; k: string; id: string }

export type FeedPage = { ids: string[]; next_cursor: string | null }

export type ReportTarget = "post" | "comment" | "profile"

/** One post as `postCards` reads it (the presenter adds the tag offers). */
export type PostCardRow = {
  id: string
  customer_id: string
  caption: string
  hashtags: string[]
  occasion: string | null
  season: string | null
  visibility: "public" | "followers"
  status: string
  likes_count: number
  comments_count: number
  saves_count: number
  created_at: Date
  handle: string | null
  display_name: string | null
  avatar_url: string | null
  images: { url: string; width: number; height: number }[]
  tags: {
    image: number
    x: number
    y: number
    product_id: string
    variant_id: string | null
  }[]
  liked_by_me: boolean
  saved_by_me: boolean
}
