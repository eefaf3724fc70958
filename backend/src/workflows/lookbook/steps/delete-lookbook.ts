import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOOKBOOK_MODULE } from "../../../modules/lookbook"
import type LookbookModuleService from "../../../modules/lookbook/service"

/** Soft-deletes a lookbook with its looks and hotspots; the compensation restores them. */
export const deleteLookbookStep = createStep(
  "delete-lookbook",
  async (id: string, { container }) => {
    const service = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
    await service.retrieveLookbook(id)
    await service.softDeleteLookbooks(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id)
      await container
        .resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        .restoreLookbooks(id)
  }
)
