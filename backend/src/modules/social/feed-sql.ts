import type { FeedCursor, FeedMode } from "./types"

/**
 * A post the viewer may see: visible, its author not banned, and public, the
 * viewer's own, or followers-only with the viewer following. Binds (viewer, viewer).
 */
// The banned authors and the viewer's followees are read once per query (InitPlans), not once per post.
export const VISIBLE_TO = `p.status = 'visible' AND p.deleted_at IS NULL
  AND p.customer_id <> ALL(ARRAY(SELECT a.customer_id FROM social_profile a WHERE a.banned_at IS NOT NULL AND a.deleted_at IS NULL))
  AND (p.visibility = 'public' OR p.customer_id = ? OR p.customer_id = ANY(ARRAY(SELECT f.followee_id FROM social_follow f WHERE f.follower_id = ? AND f.deleted_at IS NULL)))`

/** (likes + 2·comments + saves + 1) / (age_hours + 2)^1.5, age at the bound time. */
// float8 throughout: numeric power() over every post in the window costs seconds at 100k posts
const TRENDING = `((p.likes_count + 2 * p.comments_count + p.saves_count + 1)::float8
  / power(greatest(extract(epoch FROM (?::timestamptz - p.created_at))::float8 / 3600, 0) + 2, 1.5))`

type Q = { sql: string; params: unknown[] }

/** The SQL of one feed page and its bound parameters, in text order. Rows: (id, k) with k the keyset key as text. */
export function feedQuery(
  mode: FeedMode,
  viewer: string | null,
  now: string,
  days: number,
  cursor: FeedCursor | null,
  limit: number,
  candidates = 3000
): Q {
  if (mode === "following") {
    return {
      sql: `SELECT p.id, p.created_at::text AS k FROM social_post p
        WHERE p.customer_id = ANY(ARRAY(SELECT followee_id FROM social_follow WHERE follower_id = ? AND deleted_at IS NULL))
          AND ${VISIBLE_TO} AND p.created_at <= ?::timestamptz
          ${cursor ? "AND (p.created_at < ?::timestamptz OR (p.created_at = ?::timestamptz AND p.id < ?))" : ""}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ?`,
      params: [
        viewer,
        viewer,
        viewer,
        now,
        ...(cursor ? [cursor.k, cursor.k, cursor.id] : []),
        limit,
      ],
    }
  }
  const forYou = mode === "for_you" && viewer
  const score = forYou
    ? `${TRENDING} * (1::float8
        + CASE WHEN p.customer_id = ANY(ARRAY(SELECT f2.followee_id FROM social_follow f2 WHERE f2.follower_id = ? AND f2.deleted_at IS NULL)) THEN 1::float8 ELSE 0::float8 END
        + CASE WHEN p.hashtags && ARRAY(SELECT tag FROM liked_tags) THEN 0.5::float8 ELSE 0::float8 END)`
    : TRENDING
  return {
    sql: `${
      forYou
        ? `WITH liked_tags AS (SELECT DISTINCT unnest(lp.hashtags) AS tag FROM social_post lp
            WHERE lp.id IN (SELECT l.post_id FROM social_like l WHERE l.customer_id = ? AND l.deleted_at IS NULL ORDER BY l.created_at DESC LIMIT 100))`
        : ""
    }
      SELECT s.id, s.score::text AS k FROM (
        SELECT p.id, ${score} AS score FROM (
          -- the candidates: the newest visible posts of the window (an index range, not a scan of the table)
          SELECT p.id, p.customer_id, p.created_at, p.hashtags, p.likes_count, p.comments_count, p.saves_count FROM social_post p
          WHERE ${VISIBLE_TO} AND p.created_at <= ?::timestamptz AND p.created_at > ?::timestamptz - make_interval(days => ?)
          ORDER BY p.created_at DESC, p.id DESC LIMIT ?
        ) p
      ) s
      ${cursor ? "WHERE (s.score < ?::float8 OR (s.score = ?::float8 AND s.id < ?))" : ""}
      ORDER BY s.score DESC, s.id DESC LIMIT ?`,
    params: [
      ...(forYou ? [viewer] : []),
      now,
      ...(forYou ? [viewer] : []),
      viewer,
      viewer,
      now,
      now,
      days,
      candidates,
      ...(cursor ? [cursor.k, cursor.k, cursor.id] : []),
      limit,
    ],
  }
}
