import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { LOOKBOOK_MODULE } from "../../../modules/lookbook"
import type LookbookModuleService from "../../../modules/lookbook/service"

/** Orders a lookbook's looks as given (every look exactly once); the compensation restores the old order. */
export const reorderLooksStep = createStep(
  "reorder-looks",
  async (input: { lookbook_id: string; look_ids: string[] }, { container }) => {
    const service = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
    const looks = (await service.listLooks(
      { lookbook: { id: input.lookbook_id } } as any,
      { select: ["id", "rank"] }
    )) as any[]
    const ids = new Set(looks.map((l) => l.id))
    const given = new Set(input.look_ids)
    if (
      given.size !== input.look_ids.length ||
      given.size !== ids.size ||
      [...given].some((id) => !ids.has(id))
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `look_ids must list each of the ${ids.size} looks of lookbook ${input.lookbook_id} exactly once`
      )
    }
    await service.updateLooks(input.look_ids.map((id, rank) => ({ id, rank })))
    return new StepResponse(
      input.look_ids,
      looks.map((l) => ({ id: l.id, rank: l.rank }))
    )
  },
  async (previous, { container }) => {
    if (previous?.length)
      await container
        .resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        .updateLooks(previous)
  }
)
