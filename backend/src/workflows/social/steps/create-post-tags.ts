import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { SOCIAL_MODULE } from "../../../modules/social"
import type SocialModuleService from "../../../modules/social/service"
import type { PostTagInput } from "./validate-post-tags"

/** Up to this many products on one photo (the limit). */
export const MAX_TAGS_PER_PHOTO = 10

/** Adds tags to an existing post (at most 10 a photo, counting those it has); undone by deleting them. */
export const createPostTagsStep = createStep(
  "create-social-post-tags",
  async (input: { post_id: string; tags: PostTagInput[] }, { container }) => {
    const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
    const existing = (await social.listSocialPostTags(
      { post_id: input.post_id },
      { take: null as any }
    )) as any[]
    const perPhoto = new Map<number, number>()
    for (const t of [...existing, ...input.tags])
      perPhoto.set(t.image, (perPhoto.get(t.image) ?? 0) + 1)
    const over = [...perPhoto].find(([, n]) => n > MAX_TAGS_PER_PHOTO)
    if (over)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Photo ${over[0]} of post ${input.post_id} would have ${over[1]} tags; at most ${MAX_TAGS_PER_PHOTO} a photo.`
      )
    const created = (await social.createSocialPostTags(
      input.tags.map((t) => ({
        ...t,
        variant_id: t.variant_id ?? null,
        post_id: input.post_id,
      })) as any
    )) as unknown as any[]
    return new StepResponse(
      created,
      created.map((t) => t.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length)
      await container
        .resolve<SocialModuleService>(SOCIAL_MODULE)
        .deleteSocialPostTags(ids)
  }
)
