import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  recordModerationStep,
  setCommentStatusStep,
  setPostStatusStep,
  setProfileStandingStep,
} from "./steps/moderate"

type PostInput = {
  post_id: string
  user_id: string
  action: "hide" | "restore" | "approve" | "delete"
  note?: string
}
type CommentInput = {
  comment_id: string
  user_id: string
  action: "hide" | "restore" | "delete"
  note?: string
}
type CustomerInput = {
  customer_id: string
  user_id: string
  action: "warn" | "ban" | "unban"
  note?: string
}

/** A moderator hides, restores or deletes a post; its reports are closed and the action audited. */
export const moderatePostWorkflow = createWorkflow(
  "moderate-social-post",
  (input: PostInput) => {
    const post = setPostStatusStep(
      transform({ input }, ({ input }) => ({
        post_id: input.post_id,
        action: input.action,
      }))
    )
    recordModerationStep(
      transform({ input }, ({ input }) => ({
        user_id: input.user_id,
        action: input.action,
        target_type: "post" as const,
        target_id: input.post_id,
        note: input.note,
      }))
    )
    return new WorkflowResponse(post)
  }
)

/** A moderator hides, restores or deletes a comment; its reports are closed and the action audited. */
export const moderateCommentWorkflow = createWorkflow(
  "moderate-social-comment",
  (input: CommentInput) => {
    const comment = setCommentStatusStep(
      transform({ input }, ({ input }) => ({
        comment_id: input.comment_id,
        action: input.action,
      }))
    )
    recordModerationStep(
      transform({ input }, ({ input }) => ({
        user_id: input.user_id,
        action: input.action,
        target_type: "comment" as const,
        target_id: input.comment_id,
        note: input.note,
      }))
    )
    return new WorkflowResponse(comment)
  }
)

/** A moderator warns, bans or unbans a shopper; the action is audited. */
export const moderateCustomerWorkflow = createWorkflow(
  "moderate-social-customer",
  (input: CustomerInput) => {
    const profile = setProfileStandingStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        action: input.action,
      }))
    )
    recordModerationStep(
      transform({ input }, ({ input }) => ({
        user_id: input.user_id,
        action: input.action,
        target_type: "customer" as const,
        target_id: input.customer_id,
        note: input.note,
      }))
    )
    return new WorkflowResponse(profile)
  }
)
