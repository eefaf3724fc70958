import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WARDROBE_MODULE } from "../../modules/wardrobe"
import type WardrobeModuleService from "../../modules/wardrobe/service"
import { updateWardrobeItemsStep } from "./steps/update-wardrobe-items"

/**
 * The wardrobe items of the lines that left the customer: every line of a
 * canceled order, or the lines of a received return.
 */
export const findReturnedItemsStep = createStep(
  "find-returned-wardrobe-items",
  async (
    { order_id, return_id }: { order_id: string; return_id?: string },
    { container }
  ) => {
    let lineIds: string[] | null = null
    if (return_id) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [ret],
      } = await query.graph({
        entity: "return",
        fields: [
          "id",
          "items.item_id",
          "items.received_quantity",
          "items.quantity",
        ],
        filters: { id: return_id },
      })
      lineIds = ((ret as any)?.items ?? [])
        .filter((i: any) => Number(i.received_quantity ?? i.quantity ?? 0) > 0)
        .map((i: any) => i.item_id)
    }
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    const filters: Record<string, unknown> = { order_id, archived: false }
    if (lineIds) filters.order_line_item_id = lineIds
    const items =
      lineIds && !lineIds.length
        ? []
        : await wardrobe.listWardrobeItems(filters, { select: ["id"] })
    return new StepResponse(items.map((i) => ({ id: i.id, archived: true })))
  }
)

/** Archives the wardrobe items of a canceled order or of the lines a return brought back. */
export const archiveOrderLinesWorkflow = createWorkflow(
  "archive-order-wardrobe-items",
  (input: { order_id: string; return_id?: string }) => {
    const updates = findReturnedItemsStep(input)
    const updated = updateWardrobeItemsStep(updates)
    return new WorkflowResponse(
      transform({ updated }, ({ updated }) => updated.map((i: any) => i.id))
    )
  }
)
