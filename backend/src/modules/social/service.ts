import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { SocialProfile } from "./models/social-profile"
import { SocialPost } from "./models/social-post"
import { SocialPostImage } from "./models/social-post-image"
import { SocialPostTag } from "./models/social-post-tag"
import { SocialLike } from "./models/social-like"
import { SocialSave } from "./models/social-save"
import { SocialComment } from "./models/social-comment"
import { SocialFollow } from "./models/social-follow"
import { SocialReport } from "./models/social-report"
import { SocialModerationAction } from "./models/social-moderation-action"
import { SocialNotification } from "./models/social-notification"
import { SocialStockWatch } from "./models/social-stock-watch"
import type {
  FeedCursor,
  FeedMode,
  FeedPage,
  PostCardRow,
  ReportTarget,
  SocialModuleOptions,
} from "./types"
import { feedQuery, VISIBLE_TO } from "./feed-sql"

type Ctx = Context<any>
/** a JS array as a bound parameter: `= ANY(${LIST})` with JSON.stringify(values) */
const LIST = "ARRAY(SELECT jsonb_array_elements_text(?::jsonb))"

class SocialModuleService extends MedusaService({
  SocialProfile,
  SocialPost,
  SocialPostImage,
  SocialPostTag,
  SocialLike,
  SocialSave,
  SocialComment,
  SocialFollow,
  SocialReport,
  SocialModerationAction,
  SocialNotification,
  SocialStockWatch,
}) {
  readonly autohideReports: number
  readonly trendingDays: number
  readonly trendingCandidates: number

  constructor(deps: any, options: SocialModuleOptions = {}) {
    super(...arguments)
    this.autohideReports = Number(options.autohideReports ?? 3)
    this.trendingDays = Number(options.trendingDays ?? 7)
    this.trendingCandidates = Number(options.trendingCandidates ?? 3000)
    if (
      !Number.isInteger(this.trendingCandidates) ||
      this.trendingCandidates < 1
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `social: trendingCandidates must be a positive integer, got ${options.trendingCandidates}`
      )
    }
    if (!Number.isInteger(this.autohideReports) || this.autohideReports < 1) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `social: autohideReports must be a positive integer, got ${options.autohideReports}`
      )
    }
    if (!(this.trendingDays > 0))
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `social: trendingDays must be positive, got ${options.trendingDays}`
      )
  }

  /** Lower-cased, so `Anna` and `anna` are the same handle. */
  static normalizeHandle(handle: string) {
    return handle.trim().toLowerCase()
  }

  /** `#word` tokens of a caption, lower-cased, distinct, in order. */
  static parseHashtags(caption: string): string[] {
    return [
      ...new Set(
        [...(caption ?? "").matchAll(/#([\p{L}\p{N}_]{1,40})/gu)].map((m) =>
          m[1].toLowerCase()
        )
      ),
    ].slice(0, 30)
  }

  /**
   * Likes (or saves) a post once. The unique insert decides, and only the
   * request whose insert went through increments the counter, in the same
   * transaction, so the counter equals the rows under any concurrency.
   */
  @InjectTransactionManager()
  async addReaction(
    kind: "like" | "save",
    postId: string,
    customerId: string,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<boolean> {
    const em = ctx.transactionManager
    const table = kind === "like" ? "social_like" : "social_save"
    const counter = kind === "like" ? "likes_count" : "saves_count"
    const rows = await em.execute(
      `INSERT INTO ${table} (id, post_id, customer_id, created_at, updated_at) VALUES (?, ?, ?, now(), now()) ON CONFLICT DO NOTHING RETURNING id`,
      [
        generateEntityId(undefined, kind === "like" ? "slike" : "ssave"),
        postId,
        customerId,
      ]
    )
    if (!rows.length) return false
    await em.execute(
      `UPDATE social_post SET ${counter} = ${counter} + 1 WHERE id = ?`,
      [postId]
    )
    return true
  }

  /** Removes a like (or save); the counter drops only when a row was deleted. */
  @InjectTransactionManager()
  async removeReaction(
    kind: "like" | "save",
    postId: string,
    customerId: string,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<boolean> {
    const em = ctx.transactionManager
    const table = kind === "like" ? "social_like" : "social_save"
    const counter = kind === "like" ? "likes_count" : "saves_count"
    const rows = await em.execute(
      `DELETE FROM ${table} WHERE post_id = ? AND customer_id = ? AND deleted_at IS NULL RETURNING id`,
      [postId, customerId]
    )
    if (!rows.length) return false
    await em.execute(
      `UPDATE social_post SET ${counter} = greatest(${counter} - 1, 0) WHERE id = ?`,
      [postId]
    )
    return true
  }

  /** Follows once; answers whether a new follow was made. */
  @InjectTransactionManager()
  async follow(
    followerId: string,
    followeeId: string,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<boolean> {
    if (followerId === followeeId)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A shopper cannot follow themselves."
      )
    const rows = await ctx.transactionManager.execute(
      `INSERT INTO social_follow (id, follower_id, followee_id, created_at, updated_at) VALUES (?, ?, ?, now(), now()) ON CONFLICT DO NOTHING RETURNING id`,
      [generateEntityId(undefined, "sfol"), followerId, followeeId]
    )
    return rows.length > 0
  }

  @InjectTransactionManager()
  async unfollow(
    followerId: string,
    followeeId: string,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<boolean> {
    const rows = await ctx.transactionManager.execute(
      `DELETE FROM social_follow WHERE follower_id = ? AND followee_id = ? AND deleted_at IS NULL RETURNING id`,
      [followerId, followeeId]
    )
    return rows.length > 0
  }

  /** Adds a comment and counts it in the same transaction. */
  @InjectTransactionManager()
  async addComment(
    input: {
      post_id: string
      customer_id: string
      text: string
      parent_id?: string | null
    },
    @MedusaContext() ctx: Ctx = {}
  ) {
    const em = ctx.transactionManager
    const id = generateEntityId(undefined, "scmt")
    await em.execute(
      `INSERT INTO social_comment (id, post_id, customer_id, parent_id, text, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'visible', now(), now())`,
      [
        id,
        input.post_id,
        input.customer_id,
        input.parent_id ?? null,
        input.text,
      ]
    )
    await em.execute(
      `UPDATE social_post SET comments_count = comments_count + 1 WHERE id = ?`,
      [input.post_id]
    )
    return id
  }

  /** Marks a comment deleted (its replies stay); uncounts it if it was counted. */
  @InjectTransactionManager()
  async setCommentStatus(
    commentId: string,
    status: "visible" | "hidden" | "deleted",
    @MedusaContext() ctx: Ctx = {}
  ) {
    const em = ctx.transactionManager
    const [before] = await em.execute(
      `SELECT post_id, status FROM social_comment WHERE id = ? FOR UPDATE`,
      [commentId]
    )
    if (!before || before.status === status) return
    await em.execute(
      `UPDATE social_comment SET status = ?, updated_at = now() WHERE id = ?`,
      [status, commentId]
    )
    const delta =
      (status === "visible" ? 1 : 0) - (before.status === "visible" ? 1 : 0)
    if (delta)
      await em.execute(
        `UPDATE social_post SET comments_count = greatest(comments_count + ?, 0) WHERE id = ?`,
        [delta, before.post_id]
      )
  }

  /**
   * Records a report once per reporter and target. A post reported by
   * `autohideReports` distinct shoppers is hidden pending review.
   */
  @InjectTransactionManager()
  async report(
    target_type: ReportTarget,
    target_id: string,
    reporter_id: string,
    reason: string,
    @MedusaContext() ctx: Ctx = {}
  ) {
    const em = ctx.transactionManager
    const rows = await em.execute(
      `INSERT INTO social_report (id, target_type, target_id, reporter_id, reason, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', now(), now()) ON CONFLICT DO NOTHING RETURNING id`,
      [
        generateEntityId(undefined, "srep"),
        target_type,
        target_id,
        reporter_id,
        reason,
      ]
    )
    if (!rows.length || target_type !== "post")
      return { created: rows.length > 0, hidden: false }
    const [post] = await em.execute(
      `UPDATE social_post SET reports_count = reports_count + 1,
         status = CASE WHEN status = 'visible' AND reports_count + 1 >= ? THEN 'hidden' ELSE status END
       WHERE id = ? RETURNING status`,
      [this.autohideReports, target_id]
    )
    return { created: true, hidden: post?.status === "hidden" }
  }

  /** The moderation queue: open reports grouped by target, with counts and reasons. */
  @InjectManager()
  async reportQueue(
    opts: { order: "newest" | "most_reported"; limit: number; offset: number },
    @MedusaContext() ctx: Ctx = {}
  ) {
    const em = ctx.manager
    const order =
      opts.order === "most_reported"
        ? "report_count DESC, last_reported_at DESC"
        : "last_reported_at DESC, report_count DESC"
    const groups = await em.execute(
      `SELECT target_type, target_id, count(*)::int AS report_count, max(created_at) AS last_reported_at,
              array_agg(reason ORDER BY created_at DESC) AS reasons
         FROM social_report WHERE status = 'open' AND deleted_at IS NULL
        GROUP BY target_type, target_id ORDER BY ${order}, target_id LIMIT ? OFFSET ?`,
      [opts.limit, opts.offset]
    )
    const [{ count }] = await em.execute(
      `SELECT count(DISTINCT (target_type, target_id))::int AS count FROM social_report WHERE status = 'open' AND deleted_at IS NULL`
    )
    return { groups, count }
  }

  /** Closes the open reports of a target (after a moderator acted on it). */
  @InjectTransactionManager()
  async resolveReports(
    target_type: string,
    target_id: string,
    @MedusaContext() ctx: Ctx = {}
  ) {
    await ctx.transactionManager.execute(
      `UPDATE social_report SET status = 'resolved', updated_at = now() WHERE target_type = ? AND target_id = ? AND status = 'open'`,
      [target_type, target_id]
    )
  }

  /** Whether `viewerId` (null = anonymous) may see the post: visible, author not banned, and public or followed. */
  @InjectManager()
  async visiblePostIds(
    ids: string[],
    viewerId: string | null,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<Set<string>> {
    if (!ids.length) return new Set()
    const rows = await ctx.manager.execute(
      `SELECT p.id FROM social_post p WHERE p.id = ANY(${LIST}) AND ${VISIBLE_TO}`,
      [JSON.stringify(ids), viewerId, viewerId]
    )
    return new Set(rows.map((r: any) => r.id))
  }

  /**
   * One page of a feed. `following`: newest first among followed authors.
   * `trending`: (likes + 2·comments + saves + 1) / (age_hours + 2)^1.5, ages
   * taken at the first page's time so that pages are stable under inserts.
   * `for_you`: trending × (1 + followed author + 0.5 · shares a hashtag with
   * posts the viewer liked). Keyset on (key, id): no post twice.
   */
  @InjectManager()
  async feedPage(
    mode: FeedMode,
    viewerId: string | null,
    cursor: FeedCursor | null,
    limit: number,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<FeedPage> {
    const em = ctx.manager
    if (cursor && cursor.m !== mode)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The cursor belongs to mode ${cursor.m}, not ${mode}.`
      )
    if (mode === "following" && !viewerId) return { ids: [], next_cursor: null }
    const [{ now }] = cursor
      ? [{ now: cursor.t }]
      : await em.execute(`SELECT now()::text AS now`)
    const { sql, params } = feedQuery(
      mode,
      viewerId,
      now,
      this.trendingDays,
      cursor,
      limit + 1,
      this.trendingCandidates
    )
    const rows: { id: string; k: string }[] = await em.execute(sql, params)
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    const next =
      rows.length > limit && last
        ? encodeCursor({ m: mode, t: now, k: last.k, id: last.id })
        : null
    return { ids: page.map((r) => r.id), next_cursor: next }
  }

  /** Unread notifications of a shopper. */
  @InjectManager()
  async unreadCount(
    recipientId: string,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<number> {
    const [{ count }] = await ctx.manager.execute(
      `SELECT count(*)::int AS count FROM social_notification WHERE recipient_id = ? AND read_at IS NULL AND deleted_at IS NULL`,
      [recipientId]
    )
    return count
  }

  /** Marks the shopper's notifications read: the given ids (others' ids are ignored), or all. */
  @InjectTransactionManager()
  async markRead(
    recipientId: string,
    ids: string[] | undefined,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<number> {
    const em = ctx.transactionManager
    const rows = ids
      ? await em.execute(
          `UPDATE social_notification SET read_at = now() WHERE recipient_id = ? AND read_at IS NULL AND id = ANY(${LIST}) RETURNING id`,
          [recipientId, JSON.stringify(ids)]
        )
      : await em.execute(
          `UPDATE social_notification SET read_at = now() WHERE recipient_id = ? AND read_at IS NULL RETURNING id`,
          [recipientId]
        )
    return rows.length
  }

  /**
   * Everything a post card shows, for these posts, in one round trip: the
   * post, its author's profile, photos and tags (in order), and whether the
   * viewer liked / saved it. Five list calls cost a feed page ~5 round trips
   * on a loaded database; this is one.
   */
  @InjectManager()
  async postCards(
    ids: string[],
    viewerId: string | null,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<PostCardRow[]> {
    if (!ids.length) return []
    return ctx.manager.execute(
      `SELECT p.id, p.customer_id, p.caption, p.hashtags, p.occasion, p.season, p.visibility, p.status,
              p.likes_count, p.comments_count, p.saves_count, p.created_at,
              a.handle, a.display_name, a.avatar_url,
              COALESCE((SELECT json_agg(json_build_object('url', i.url, 'width', i.width, 'height', i.height) ORDER BY i.position, i.id)
                  FROM social_post_image i WHERE i.post_id = p.id AND i.deleted_at IS NULL), '[]'::json) AS images,
              COALESCE((SELECT json_agg(json_build_object('image', t.image, 'x', t.x, 'y', t.y, 'product_id', t.product_id, 'variant_id', t.variant_id) ORDER BY t.created_at, t.id)
                  FROM social_post_tag t WHERE t.post_id = p.id AND t.deleted_at IS NULL), '[]'::json) AS tags,
              EXISTS (SELECT 1 FROM social_like l WHERE l.post_id = p.id AND l.customer_id = ? AND l.deleted_at IS NULL) AS liked_by_me,
              EXISTS (SELECT 1 FROM social_save v WHERE v.post_id = p.id AND v.customer_id = ? AND v.deleted_at IS NULL) AS saved_by_me
         FROM social_post p
         LEFT JOIN social_profile a ON a.customer_id = p.customer_id AND a.deleted_at IS NULL
        WHERE p.id = ANY(${LIST}) AND p.deleted_at IS NULL`,
      [viewerId ?? "", viewerId ?? "", JSON.stringify(ids)]
    )
  }

  /** The distinct products tagged on these posts (what a page must ask the buyability rule about). */
  @InjectManager()
  async taggedProductIds(
    postIds: string[],
    @MedusaContext() ctx: Ctx = {}
  ): Promise<string[]> {
    if (!postIds.length) return []
    const rows = await ctx.manager.execute(
      `SELECT DISTINCT product_id FROM social_post_tag WHERE post_id = ANY(${LIST}) AND deleted_at IS NULL`,
      [JSON.stringify(postIds)]
    )
    return rows.map((r: any) => r.product_id)
  }

  /**
   * The shoppers interested in these products: they liked or saved a visible
   * post that tags one of them (the decision for `back_in_stock`).
   */
  @InjectManager()
  async interestedShoppers(
    productIds: string[],
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ product_id: string; customer_id: string }[]> {
    if (!productIds.length) return []
    return ctx.manager.execute(
      `SELECT DISTINCT t.product_id, r.customer_id
         FROM social_post_tag t
         JOIN social_post p ON p.id = t.post_id AND p.status = 'visible' AND p.deleted_at IS NULL
         JOIN (SELECT post_id, customer_id FROM social_like WHERE deleted_at IS NULL
               UNION SELECT post_id, customer_id FROM social_save WHERE deleted_at IS NULL) r ON r.post_id = t.post_id
        WHERE t.product_id = ANY(${LIST}) AND t.deleted_at IS NULL`,
      [JSON.stringify(productIds)]
    )
  }

  /**
   * These shoppers wait for the product (not buyable in their size now): a new
   * watch, or a notified one armed again. Answers how many now wait.
   */
  @InjectTransactionManager()
  async armStockWatches(
    watches: { customer_id: string; product_id: string; size: string | null }[],
    @MedusaContext() ctx: Ctx = {}
  ): Promise<number> {
    if (!watches.length) return 0
    const rows = await ctx.transactionManager.execute(
      `INSERT INTO social_stock_watch (id, customer_id, product_id, size, state, created_at, updated_at)
       SELECT w.id, w.customer_id, w.product_id, w.size, 'waiting', now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS w(id text, customer_id text, product_id text, size text)
       ON CONFLICT (customer_id, product_id) WHERE deleted_at IS NULL
       DO UPDATE SET state = 'waiting', size = EXCLUDED.size, updated_at = now() WHERE social_stock_watch.state = 'notified'
       RETURNING id`,
      [
        JSON.stringify(
          watches.map((w) => ({
            id: generateEntityId(undefined, "sswat"),
            customer_id: w.customer_id,
            product_id: w.product_id,
            size: w.size,
          }))
        ),
      ]
    )
    return rows.length
  }

  /**
   * The product is buyable again for these shoppers: each waiting watch turns
   * `notified` and gets one `back_in_stock` notification, in one transaction.
   * The conditional update decides, so concurrent stock events notify once.
   */
  @InjectTransactionManager()
  async fireStockWatches(
    productId: string,
    customerIds: string[],
    @MedusaContext() ctx: Ctx = {}
  ): Promise<string[]> {
    if (!customerIds.length) return []
    const em = ctx.transactionManager
    const rows: { customer_id: string }[] = await em.execute(
      `UPDATE social_stock_watch SET state = 'notified', updated_at = now()
        WHERE product_id = ? AND customer_id = ANY(${LIST}) AND state = 'waiting' AND deleted_at IS NULL
        RETURNING customer_id`,
      [productId, JSON.stringify(customerIds)]
    )
    for (const r of rows)
      await em.execute(
        `INSERT INTO social_notification (id, recipient_id, type, actor_id, post_id, product_id, created_at, updated_at)
         VALUES (?, ?, 'back_in_stock', NULL, NULL, ?, now(), now())`,
        [generateEntityId(undefined, "snot"), r.customer_id, productId]
      )
    return rows.map((r) => r.customer_id)
  }

  /**
   * The admin overview: posts, likes, comments and active posters per day
   * (UTC) over the last `days`, and the most engaging posts of that window.
   */
  @InjectManager()
  async overview(days: number, @MedusaContext() ctx: Ctx = {}) {
    const em = ctx.manager
    const perDay = await em.execute(
      `WITH d AS (SELECT generate_series((now() AT TIME ZONE 'UTC')::date - (?::int - 1), (now() AT TIME ZONE 'UTC')::date, '1 day')::date AS day)
       SELECT d.day::text AS day,
         (SELECT count(*)::int FROM social_post p WHERE p.deleted_at IS NULL AND (p.created_at AT TIME ZONE 'UTC')::date = d.day) AS posts,
         (SELECT count(*)::int FROM social_like l WHERE l.deleted_at IS NULL AND (l.created_at AT TIME ZONE 'UTC')::date = d.day) AS likes,
         (SELECT count(*)::int FROM social_comment c WHERE c.deleted_at IS NULL AND c.status = 'visible' AND (c.created_at AT TIME ZONE 'UTC')::date = d.day) AS comments,
         (SELECT count(DISTINCT p.customer_id)::int FROM social_post p WHERE p.deleted_at IS NULL AND (p.created_at AT TIME ZONE 'UTC')::date = d.day) AS active_posters
       FROM d ORDER BY d.day`,
      [days]
    )
    const top = await em.execute(
      `SELECT p.id, p.customer_id, p.caption, p.status, p.likes_count, p.comments_count, p.saves_count, p.created_at,
              a.handle,
              (SELECT i.url FROM social_post_image i WHERE i.post_id = p.id AND i.deleted_at IS NULL ORDER BY i.position LIMIT 1) AS image_url
         FROM social_post p LEFT JOIN social_profile a ON a.customer_id = p.customer_id AND a.deleted_at IS NULL
        WHERE p.deleted_at IS NULL AND p.status = 'visible' AND p.created_at > now() - make_interval(days => ?)
        ORDER BY (p.likes_count + 2 * p.comments_count + p.saves_count) DESC, p.created_at DESC LIMIT 10`,
      [days]
    )
    return { per_day: perDay, top_posts: top }
  }

  /** Posts by id with their author's handle and first photo (the overview's add-to-cart list). */
  @InjectManager()
  async postSummaries(ids: string[], @MedusaContext() ctx: Ctx = {}) {
    if (!ids.length) return []
    return ctx.manager.execute(
      `SELECT p.id, p.caption, p.status, a.handle,
              (SELECT i.url FROM social_post_image i WHERE i.post_id = p.id AND i.deleted_at IS NULL ORDER BY i.position LIMIT 1) AS image_url
         FROM social_post p LEFT JOIN social_profile a ON a.customer_id = p.customer_id AND a.deleted_at IS NULL
        WHERE p.id = ANY(${LIST})`,
      [JSON.stringify(ids)]
    )
  }

  /** Followers, following and visible posts of a shopper. */
  @InjectManager()
  async profileCounts(customerId: string, @MedusaContext() ctx: Ctx = {}) {
    const [row] = await ctx.manager.execute(
      `SELECT (SELECT count(*)::int FROM social_follow WHERE followee_id = ? AND deleted_at IS NULL) AS followers_count,
              (SELECT count(*)::int FROM social_follow WHERE follower_id = ? AND deleted_at IS NULL) AS following_count,
              (SELECT count(*)::int FROM social_post WHERE customer_id = ? AND status = 'visible' AND deleted_at IS NULL) AS posts_count`,
      [customerId, customerId, customerId]
    )
    return row as {
      followers_count: number
      following_count: number
      posts_count: number
    }
  }

  @InjectManager()
  async isFollowing(
    followerId: string,
    followeeId: string,
    @MedusaContext() ctx: Ctx = {}
  ) {
    const rows = await ctx.manager.execute(
      `SELECT 1 FROM social_follow WHERE follower_id = ? AND followee_id = ? AND deleted_at IS NULL`,
      [followerId, followeeId]
    )
    return rows.length > 0
  }
}

export function encodeCursor(c: FeedCursor) {
  return Buffer.from(JSON.stringify(c)).toString("base64url")
}

/** A cursor from a client: anything malformed is a 400, never a 500. */
export function decodeCursor(raw: string | undefined): FeedCursor | null {
  if (!raw) return null
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"))
    if (
      ["following", "trending", "for_you"].includes(c.m) &&
      typeof c.t === "string" &&
      typeof c.k === "string" &&
      typeof c.id === "string" &&
      !isNaN(Date.parse(c.t))
    ) {
      if (
        c.m === "following"
          ? !isNaN(Date.parse(c.k))
          : Number.isFinite(Number(c.k))
      )
        return c
    }
  } catch {}
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `The cursor "${raw.slice(0, 40)}" is not one this feed gave out.`
  )
}

export default SocialModuleService
