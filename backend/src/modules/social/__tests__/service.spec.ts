import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SOCIAL_MODULE } from ".."
import SocialModuleService, { decodeCursor } from "../service"
import { SocialProfile } from "../models/social-profile"
import { SocialPost } from "../models/social-post"
import { SocialPostImage } from "../models/social-post-image"
import { SocialPostTag } from "../models/social-post-tag"
import { SocialLike } from "../models/social-like"
import { SocialSave } from "../models/social-save"
import { SocialComment } from "../models/social-comment"
import { SocialFollow } from "../models/social-follow"
import { SocialReport } from "../models/social-report"
import { SocialModerationAction } from "../models/social-moderation-action"
import { SocialNotification } from "../models/social-notification"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<SocialModuleService>({
  moduleName: SOCIAL_MODULE,
  moduleModels: [
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
  ],
  resolve: "./src/modules/social",
  moduleOptions: { autohideReports: 2 },
  testSuite: ({ service }) => {
    it("parses distinct lower-case hashtags from a caption", () => {
      expect(
        SocialModuleService.parseHashtags(
          "Sunday #Denim #denim and #fall_2026, not a#tag? #café"
        )
      ).toEqual(["denim", "fall_2026", "tag", "café"])
      expect(SocialModuleService.parseHashtags("")).toEqual([])
    })

    it("refuses a cursor it did not give out with INVALID_DATA", () => {
      expect(() => decodeCursor("nope")).toThrow(/cursor/)
      expect(() =>
        decodeCursor(
          Buffer.from(
            JSON.stringify({ m: "trending", t: "x", k: "1", id: "a" })
          ).toString("base64url")
        )
      ).toThrow(/cursor/)
      expect(decodeCursor(undefined)).toBeNull()
    })

    it("keeps likes_count equal to the like rows under 30 concurrent likes and unlikes", async () => {
      const post = await service.createSocialPosts({
        customer_id: "cus_a",
        caption: "x",
      } as any)
      const likers = Array.from({ length: 10 }, (_, i) => `cus_${i}`)
      await Promise.all(
        likers.flatMap((c) => [
          service.addReaction("like", post.id, c),
          service.addReaction("like", post.id, c),
          service.addReaction("like", post.id, c),
        ])
      )
      expect((await service.retrieveSocialPost(post.id)).likes_count).toBe(10)
      await Promise.all(
        likers
          .slice(0, 4)
          .flatMap((c) => [
            service.removeReaction("like", post.id, c),
            service.removeReaction("like", post.id, c),
          ])
      )
      expect((await service.retrieveSocialPost(post.id)).likes_count).toBe(6)
      expect(await service.listSocialLikes({ post_id: post.id })).toHaveLength(
        6
      )
    })

    it("hides a post once `autohideReports` distinct shoppers reported it, counting each reporter once", async () => {
      const post = await service.createSocialPosts({
        customer_id: "cus_a",
      } as any)
      expect(
        (await service.report("post", post.id, "cus_b", "spam")).hidden
      ).toBe(false)
      expect(
        (await service.report("post", post.id, "cus_b", "spam")).created
      ).toBe(false)
      expect(
        (await service.report("post", post.id, "cus_c", "spam")).hidden
      ).toBe(true)
      expect(await service.retrieveSocialPost(post.id)).toMatchObject({
        status: "hidden",
        reports_count: 2,
      })
      const { groups } = await service.reportQueue({
        order: "most_reported",
        limit: 10,
        offset: 0,
      })
      expect(groups.find((g: any) => g.target_id === post.id)).toMatchObject({
        report_count: 2,
      })
    })

    it("ranks trending by engagement with time decay and leaves out hidden posts and banned authors", async () => {
      const old = await service.createSocialPosts({
        customer_id: "cus_t1",
        likes_count: 50,
      } as any)
      const fresh = await service.createSocialPosts({
        customer_id: "cus_t2",
        likes_count: 5,
      } as any)
      const hidden = await service.createSocialPosts({
        customer_id: "cus_t1",
        likes_count: 500,
        status: "hidden",
      } as any)
      const banned = await service.createSocialPosts({
        customer_id: "cus_t3",
        likes_count: 500,
      } as any)
      await service.createSocialProfiles({
        customer_id: "cus_t3",
        handle: "banned",
        display_name: "b",
        banned_at: new Date(),
      } as any)
      // 50 likes 3 days ago: 51 / 74^1.5 ≈ 0.08; 5 likes now: 6 / 2^1.5 ≈ 2.1
      await (service as any).updateSocialPosts({
        id: old.id,
        created_at: new Date(Date.now() - 72 * 3600e3),
      })
      const { ids } = await service.feedPage("trending", null, null, 50)
      expect(ids.indexOf(fresh.id)).toBeLessThan(ids.indexOf(old.id))
      expect(ids).not.toContain(hidden.id)
      expect(ids).not.toContain(banned.id)
    })

    it("marks only the recipient's own notifications read", async () => {
      const [a, b] = await service.createSocialNotifications([
        { recipient_id: "cus_r", type: "like", actor_id: "cus_x" },
        { recipient_id: "cus_other", type: "like", actor_id: "cus_x" },
      ] as any)
      expect(await service.markRead("cus_r", [a.id, b.id])).toBe(1)
      expect(await service.unreadCount("cus_r")).toBe(0)
      expect(await service.unreadCount("cus_other")).toBe(1)
    })
  },
})
