import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { LOOKBOOK_MODULE } from "../../../modules/lookbook"
import type LookbookModuleService from "../../../modules/lookbook/service"

export type CreateLookbookInput = {
  title: string
  handle: string
  description?: string | null
  cover_image?: string | null
  status: "draft" | "published"
  publish_at?: Date | null
  unpublish_at?: Date | null
}

/** Creates a lookbook; refuses a handle already in use. */
export const createLookbookStep = createStep(
  "create-lookbook",
  async (input: CreateLookbookInput, { container }) => {
    const service = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
    const [clash] = await service.listLookbooks({ handle: input.handle })
    if (clash)
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `A lookbook with handle "${input.handle}" already exists (${clash.id})`
      )
    const lookbook = await service.createLookbooks(input)
    return new StepResponse(lookbook, lookbook.id)
  },
  async (id, { container }) => {
    if (id)
      await container
        .resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        .deleteLookbooks(id)
  }
)
