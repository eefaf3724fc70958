import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { LOOKBOOK_MODULE } from "../../../modules/lookbook"

const links = (lookbookId: string, ids: string[]) =>
  ids.map((sales_channel_id) => ({
    [LOOKBOOK_MODULE]: { lookbook_id: lookbookId },
    [Modules.SALES_CHANNEL]: { sales_channel_id },
  }))

/** Makes the lookbook's sales channels exactly `sales_channel_ids`; the compensation restores the old set. */
export const setLookbookSalesChannelsStep = createStep(
  "set-lookbook-sales-channels",
  async (
    input: { lookbook_id: string; sales_channel_ids?: string[] },
    { container }
  ) => {
    if (!input.sales_channel_ids) return new StepResponse(undefined)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const wanted = [...new Set(input.sales_channel_ids)]
    if (wanted.length) {
      const { data } = await query.graph({
        entity: "sales_channel",
        fields: ["id"],
        filters: { id: wanted },
      })
      const missing = wanted.filter(
        (id) => !(data as any[]).some((c) => c.id === id)
      )
      if (missing.length)
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Sales channel ${missing.join(", ")} was not found`
        )
    }
    const { data } = await query.graph({
      entity: "lookbook",
      fields: ["sales_channels.id"],
      filters: { id: input.lookbook_id },
    })
    const current = ((data[0] as any)?.sales_channels ?? []).map(
      (c: any) => c.id
    ) as string[]
    const add = wanted.filter((id) => !current.includes(id))
    const remove = current.filter((id) => !wanted.includes(id))
    if (remove.length) await link.dismiss(links(input.lookbook_id, remove))
    if (add.length) await link.create(links(input.lookbook_id, add))
    return new StepResponse(wanted, {
      lookbook_id: input.lookbook_id,
      add,
      remove,
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (undo.add.length) await link.dismiss(links(undo.lookbook_id, undo.add))
    if (undo.remove.length)
      await link.create(links(undo.lookbook_id, undo.remove))
  }
)
