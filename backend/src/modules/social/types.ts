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
