import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createPostTagsStep } from "./steps/create-post-tags"
import {
  validatePostTagsStep,
  type PostTagInput,
} from "./steps/validate-post-tags"

/** The author confirms tags on their post (e.g. visual-search suggestions): checked like a new post's, then added. */
export const addPostTagsWorkflow = createWorkflow(
  "add-social-post-tags",
  (input: { post_id: string; image_count: number; tags: PostTagInput[] }) => {
    validatePostTagsStep(
      transform({ input }, ({ input }) => ({
        tags: input.tags,
        image_count: input.image_count,
      }))
    )
    const tags = createPostTagsStep(
      transform({ input }, ({ input }) => ({
        post_id: input.post_id,
        tags: input.tags,
      }))
    )
    return new WorkflowResponse(tags)
  }
)
