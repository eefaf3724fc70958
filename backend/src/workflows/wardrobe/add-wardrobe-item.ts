import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { uploadFilesStep } from "@medusajs/medusa/core-flows"
import {
  createWardrobeItemsStep,
  type WardrobeItemInput,
} from "./steps/create-wardrobe-items"

export type AddWardrobeItemInput = {
  item: WardrobeItemInput
  /** base64 JPEGs, already normalised: the photo and its cut-out */
  photo: string
  cutout: string
  /** unique file name stem: the local provider names files by the millisecond, and keys with a folder are not found again as private */
  stem: string
}

/** Stores a shopper's photo and its cut-out as private files, then creates the item; a failed write deletes the files. */
export const addWardrobeItemWorkflow = createWorkflow(
  "add-wardrobe-item",
  (input: AddWardrobeItemInput) => {
    const files = uploadFilesStep(
      transform({ input }, ({ input }) => ({
        files: [
          {
            filename: `${input.stem}-photo.jpg`,
            mimeType: "image/jpeg",
            content: input.photo,
            access: "private" as const,
          },
          {
            filename: `${input.stem}-cutout.jpg`,
            mimeType: "image/jpeg",
            content: input.cutout,
            access: "private" as const,
          },
        ],
      }))
    )
    const items = createWardrobeItemsStep(
      transform({ input, files }, ({ input, files }) => [
        {
          ...input.item,
          source: "upload",
          image_file_id: files[0].id,
          cutout_file_id: files[1].id,
        },
      ])
    )
    return new WorkflowResponse(transform({ items }, ({ items }) => items[0]))
  }
)
