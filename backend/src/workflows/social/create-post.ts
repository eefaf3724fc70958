import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { uploadFilesStep } from "@medusajs/medusa/core-flows"
import { createPostStep } from "./steps/create-post"
import { decidePostStatusStep } from "./steps/decide-post-status"
import {
  validatePostTagsStep,
  type PostTagInput,
} from "./steps/validate-post-tags"

export type CreateSocialPostInput = {
  customer_id: string
  caption: string
  visibility: "public" | "followers"
  occasion?: string | null
  season?: string | null
  /** re-encoded JPEGs (base64), EXIF stripped, with their sizes */
  photos: { content: string; width: number; height: number }[]
  tags: PostTagInput[]
}

/** Posts an outfit: checks the tags, stores the photos through the File module, then the post (pending when the store pre-moderates); files are deleted if the post fails. */
export const createSocialPostWorkflow = createWorkflow(
  "create-social-post",
  (input: CreateSocialPostInput) => {
    validatePostTagsStep(
      transform({ input }, ({ input }) => ({
        tags: input.tags,
        image_count: input.photos.length,
      }))
    )
    const status = decidePostStatusStep()
    const files = uploadFilesStep(
      transform({ input }, ({ input }) => ({
        files: input.photos.map((p, i) => ({
          filename: `social-${input.customer_id}-${Date.now()}-${i}.jpg`,
          mimeType: "image/jpeg",
          content: p.content,
          access: "public" as const,
        })),
      }))
    )
    const post = createPostStep(
      transform({ input, files, status }, ({ input, files, status }) => ({
        customer_id: input.customer_id,
        status,
        caption: input.caption,
        visibility: input.visibility,
        occasion: input.occasion,
        season: input.season,
        images: files.map((f: any, i: number) => ({
          url: f.url,
          file_id: f.id,
          width: input.photos[i].width,
          height: input.photos[i].height,
        })),
        tags: input.tags,
      }))
    )
    return new WorkflowResponse(post)
  }
)
