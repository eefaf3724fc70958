import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createLookbookStep } from "./steps/create-lookbook"
import { setLookbookSalesChannelsStep } from "./steps/set-lookbook-sales-channels"
import type { AdminCreateLookbookType } from "../../api/admin/lookbooks/validators"

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 120) || "lookbook"

/** Creates a lookbook and publishes it to its sales channels. */
export const createLookbookWorkflow = createWorkflow(
  "create-lookbook",
  (input: AdminCreateLookbookType) => {
    const data = transform({ input }, ({ input }) => {
      const { sales_channel_ids, ...rest } = input
      return { ...rest, handle: rest.handle ?? slug(rest.title) }
    })
    const lookbook = createLookbookStep(data)
    setLookbookSalesChannelsStep(
      transform({ lookbook, input }, ({ lookbook, input }) => ({
        lookbook_id: lookbook.id,
        sales_channel_ids: input.sales_channel_ids ?? [],
      }))
    )
    emitEventStep(
      transform({ lookbook }, ({ lookbook }) => ({
        eventName: "lookbook.created",
        data: { id: lookbook.id },
      }))
    )
    return new WorkflowResponse(lookbook)
  }
)
