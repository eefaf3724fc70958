import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { socialSettings } from "../../../lib/social/settings"

/** A new post is `visible`, or `pending` a moderator's approval when the store pre-moderates. */
export const decidePostStatusStep = createStep(
  "decide-social-post-status",
  async (_: void, { container }) => {
    const { premoderation } = await socialSettings(container)
    return new StepResponse(
      (premoderation ? "pending" : "visible") as "pending" | "visible"
    )
  }
)
