import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  prepareStyleProfileStep,
  type PrepareStyleProfileInput,
} from "./steps/prepare-style-profile"
import { upsertStyleProfileStep } from "./steps/upsert-style-profile"

/** Applies a partial update to a customer's style profile, creating it on the first write. */
export const upsertStyleProfileWorkflow = createWorkflow(
  "upsert-style-profile",
  (input: PrepareStyleProfileInput) => {
    const prepared = prepareStyleProfileStep(input)
    const profile = upsertStyleProfileStep({
      customer_id: input.customer_id,
      profile_id: prepared.profile_id,
      fields: prepared.fields,
    })
    return new WorkflowResponse(profile)
  }
)
