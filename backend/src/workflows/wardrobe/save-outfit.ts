import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteFilesStep } from "@medusajs/medusa/core-flows"
import { makeOutfitCollageStep } from "./steps/make-outfit-collage"
import { saveOutfitStep, type SaveOutfitInput } from "./steps/save-outfit"

/**
 * Creates an outfit, or updates one: when its pieces change, a new collage is
 * drawn first and the old one deleted last (a failure on the way deletes the
 * new collage and leaves the outfit as it was).
 */
export const saveOutfitWorkflow = createWorkflow(
  "save-outfit",
  (input: SaveOutfitInput) => {
    const collageId = when({ input }, ({ input }) => !!input.items).then(() =>
      makeOutfitCollageStep(
        transform({ input }, ({ input }) => ({
          customer_id: input.customer_id,
          items: input.items!,
        }))
      )
    )
    const saved = saveOutfitStep(
      transform({ input, collageId }, ({ input, collageId }) => ({
        ...input,
        collage_file_id: collageId ?? null,
      }))
    )
    when({ saved }, ({ saved }) => !!saved.replaced_collage).then(() => {
      deleteFilesStep(
        transform({ saved }, ({ saved }) => [saved.replaced_collage!])
      )
    })
    return new WorkflowResponse(
      transform({ saved }, ({ saved }) => saved.outfit)
    )
  }
)
