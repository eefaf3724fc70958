import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SOCIAL_MODULE } from "../../../modules/social"
import SocialModuleService from "../../../modules/social/service"
import type { PostTagInput } from "./validate-post-tags"

export type CreatePostInput = {
  customer_id: string
  status: "visible" | "pending"
  caption: string
  visibility: "public" | "followers"
  occasion?: string | null
  season?: string | null
  images: { url: string; file_id: string; width: number; height: number }[]
  tags: PostTagInput[]
}

/** Creates the post with its photos and tags; undone by deleting all three. */
export const createPostStep = createStep(
  "create-social-post",
  async (input: CreatePostInput, { container }) => {
    const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
    const post = await social.createSocialPosts({
      customer_id: input.customer_id,
      status: input.status,
      caption: input.caption,
      hashtags: SocialModuleService.parseHashtags(input.caption),
      visibility: input.visibility,
      occasion: input.occasion ?? null,
      season: input.season ?? null,
    } as any)
    await social.createSocialPostImages(
      input.images.map((img, position) => ({
        ...img,
        position,
        post_id: post.id,
      })) as any
    )
    if (input.tags.length)
      await social.createSocialPostTags(
        input.tags.map((t) => ({
          ...t,
          variant_id: t.variant_id ?? null,
          post_id: post.id,
        })) as any
      )
    return new StepResponse(post, post.id)
  },
  async (postId, { container }) => {
    if (!postId) return
    const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
    const [images, tags] = await Promise.all([
      social.listSocialPostImages({ post_id: postId }),
      social.listSocialPostTags({ post_id: postId }),
    ])
    await social.deleteSocialPostTags((tags as any[]).map((t) => t.id))
    await social.deleteSocialPostImages((images as any[]).map((i) => i.id))
    await social.deleteSocialPosts(postId)
  }
)
