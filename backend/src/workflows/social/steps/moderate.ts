import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { SOCIAL_MODULE } from "../../../modules/social"
import type SocialModuleService from "../../../modules/social/service"

const POST_STATUS = {
  hide: "hidden",
  restore: "visible",
  approve: "visible",
  delete: "deleted",
} as const

/** Sets a post's status for a moderation action; undone by setting the previous one back. */
export const setPostStatusStep = createStep(
  "set-social-post-status",
  async (
    input: { post_id: string; action: keyof typeof POST_STATUS },
    { container }
  ) => {
    const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
    const [post] = (await social.listSocialPosts({
      id: input.post_id,
    })) as any[]
    if (!post)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Post ${input.post_id} was not found.`
      )
    const updated = await social.updateSocialPosts({
      id: post.id,
      status: POST_STATUS[input.action],
    } as any)
    await social.resolveReports("post", post.id)
    return new StepResponse(updated, { id: post.id, status: post.status })
  },
  async (prev, { container }) => {
    if (prev)
      await container
        .resolve<SocialModuleService>(SOCIAL_MODULE)
        .updateSocialPosts(prev as any)
  }
)

const COMMENT_STATUS = {
  hide: "hidden",
  restore: "visible",
  delete: "deleted",
} as const

/** Sets a comment's status (counted again when visible); closes its reports; undone by setting the previous one back. */
export const setCommentStatusStep = createStep(
  "set-social-comment-status",
  async (
    input: { comment_id: string; action: keyof typeof COMMENT_STATUS },
    { container }
  ) => {
    const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
    const [c] = (await social.listSocialComments({
      id: input.comment_id,
    })) as any[]
    if (!c)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Comment ${input.comment_id} was not found.`
      )
    await social.setCommentStatus(c.id, COMMENT_STATUS[input.action])
    await social.resolveReports("comment", c.id)
    const [after] = (await social.listSocialComments({ id: c.id })) as any[]
    return new StepResponse(after, { id: c.id, status: c.status })
  },
  async (prev, { container }) => {
    if (prev)
      await container
        .resolve<SocialModuleService>(SOCIAL_MODULE)
        .setCommentStatus(prev.id, prev.status)
  }
)

/** Warns, bans or unbans a shopper (on their social profile); undone by restoring the previous dates. */
export const setProfileStandingStep = createStep(
  "set-social-profile-standing",
  async (
    input: { customer_id: string; action: "warn" | "ban" | "unban" },
    { container }
  ) => {
    const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
    const [p] = (await social.listSocialProfiles({
      customer_id: input.customer_id,
    })) as any[]
    if (!p)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer ${input.customer_id} has no social profile.`
      )
    const now = new Date()
    const change =
      input.action === "warn"
        ? { warned_at: now }
        : input.action === "ban"
          ? { banned_at: now }
          : { banned_at: null }
    const updated = await social.updateSocialProfiles({
      id: p.id,
      ...change,
    } as any)
    if (input.action === "ban") await social.resolveReports("profile", p.id)
    return new StepResponse(updated, {
      id: p.id,
      banned_at: p.banned_at,
      warned_at: p.warned_at,
    })
  },
  async (prev, { container }) => {
    if (prev)
      await container
        .resolve<SocialModuleService>(SOCIAL_MODULE)
        .updateSocialProfiles(prev as any)
  }
)

/** Writes the audit row; undone by deleting it. */
export const recordModerationStep = createStep(
  "record-social-moderation",
  async (
    input: {
      user_id: string
      action: string
      target_type: "post" | "comment" | "customer"
      target_id: string
      note?: string | null
    },
    { container }
  ) => {
    const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
    const row = await social.createSocialModerationActions({
      ...input,
      note: input.note ?? null,
    } as any)
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id)
      await container
        .resolve<SocialModuleService>(SOCIAL_MODULE)
        .deleteSocialModerationActions(id)
  }
)
