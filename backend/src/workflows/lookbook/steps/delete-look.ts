import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOOKBOOK_MODULE } from "../../../modules/lookbook"
import type LookbookModuleService from "../../../modules/lookbook/service"

/** Soft-deletes one look of a lookbook (with its hotspots); the compensation restores it. */
export const deleteLookStep = createStep(
  "delete-look",
  async (input: { lookbook_id: string; look_id: string }, { container }) => {
    const service = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
    await service.retrieveLookOf(input.lookbook_id, input.look_id)
    await service.softDeleteLooks(input.look_id)
    return new StepResponse(input.look_id, input.look_id)
  },
  async (id, { container }) => {
    if (id)
      await container
        .resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        .restoreLooks(id)
  }
)
