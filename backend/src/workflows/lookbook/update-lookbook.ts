import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateLookbookStep } from "./steps/update-lookbook"
import { setLookbookSalesChannelsStep } from "./steps/set-lookbook-sales-channels"
import type { AdminUpdateLookbookType } from "../../api/admin/lookbooks/validators"

/** Updates a lookbook (fields, status, publish window, sales channels) all or nothing. */
export const updateLookbookWorkflow = createWorkflow(
  "update-lookbook",
  (input: AdminUpdateLookbookType & { id: string }) => {
    const fields = transform({ input }, ({ input }) => {
      const { sales_channel_ids, ...rest } = input
      return rest
    })
    const lookbook = updateLookbookStep(fields)
    setLookbookSalesChannelsStep(
      transform({ input }, ({ input }) => ({
        lookbook_id: input.id,
        sales_channel_ids: input.sales_channel_ids,
      }))
    )
    emitEventStep(
      transform({ input }, ({ input }) => ({
        eventName: "lookbook.updated",
        data: { id: input.id },
      }))
    )
    return new WorkflowResponse(lookbook)
  }
)
