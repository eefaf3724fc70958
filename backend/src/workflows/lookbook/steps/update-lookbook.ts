import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { LOOKBOOK_MODULE } from "../../../modules/lookbook"
import type LookbookModuleService from "../../../modules/lookbook/service"

const FIELDS = [
  "title",
  "handle",
  "description",
  "cover_image",
  "status",
  "publish_at",
  "unpublish_at",
] as const

/** Updates a lookbook's own fields; the compensation puts the previous values back. */
export const updateLookbookStep = createStep(
  "update-lookbook",
  async (
    input: { id: string } & Partial<Record<(typeof FIELDS)[number], any>>,
    { container }
  ) => {
    const service = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
    const previous = await service.retrieveLookbook(input.id)
    if (input.handle && input.handle !== previous.handle) {
      const [clash] = await service.listLookbooks({ handle: input.handle })
      if (clash)
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `A lookbook with handle "${input.handle}" already exists (${clash.id})`
        )
    }
    const starts =
      input.publish_at !== undefined ? input.publish_at : previous.publish_at
    const ends =
      input.unpublish_at !== undefined
        ? input.unpublish_at
        : previous.unpublish_at
    if (starts && ends && new Date(starts) >= new Date(ends)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `publish_at must be before unpublish_at for lookbook ${input.id}`
      )
    }
    const updated = await service.updateLookbooks(input)
    return new StepResponse(
      updated,
      Object.fromEntries([
        ["id", previous.id],
        ...FIELDS.map((f) => [f, (previous as any)[f]]),
      ])
    )
  },
  async (previous, { container }) => {
    if (previous)
      await container
        .resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        .updateLookbooks(previous as any)
  }
)
