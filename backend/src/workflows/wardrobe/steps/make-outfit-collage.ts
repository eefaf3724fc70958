import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { WARDROBE_MODULE } from "../../../modules/wardrobe"
import type WardrobeModuleService from "../../../modules/wardrobe/service"
import { collage } from "../../../lib/wardrobe/collage"
import { itemPicture, publicPhoto } from "../../../lib/wardrobe/photos"

export type OutfitPiece = { wardrobe_item_id?: string; product_id?: string }

/**
 * Checks every piece (the customer's own item, or a published catalogue
 * product — 404 naming the id otherwise), draws the collage and stores it as a
 * private file. Undone by deleting the file.
 */
export const makeOutfitCollageStep = createStep(
  "make-outfit-collage",
  async (
    { customer_id, items }: { customer_id: string; items: OutfitPiece[] },
    { container }
  ) => {
    const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
    const own = items
      .filter((i) => i.wardrobe_item_id)
      .map((i) => i.wardrobe_item_id!)
    const found = own.length
      ? await wardrobe.listWardrobeItems({ id: own, customer_id })
      : []
    const byId = new Map(found.map((i) => [i.id, i]))
    const missing = own.find((id) => !byId.has(id))
    if (missing)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Wardrobe item with id "${missing}" was not found`
      )
    const productIds = items
      .filter((i) => i.product_id)
      .map((i) => i.product_id!)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: products } = productIds.length
      ? await query.graph({
          entity: "product",
          fields: ["id", "thumbnail", "status"],
          filters: { id: productIds, status: "published" },
        })
      : { data: [] as any[] }
    const thumbs = new Map(
      (products as any[]).map((p) => [p.id, p.thumbnail as string | null])
    )
    const absent = productIds.find((id) => !thumbs.has(id))
    if (absent)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Product with id "${absent}" was not found`
      )
    const pictures: Buffer[] = []
    for (const piece of items) {
      const pic = piece.wardrobe_item_id
        ? await itemPicture(container, byId.get(piece.wardrobe_item_id)!).catch(
            () => null
          )
        : thumbs.get(piece.product_id!)
          ? await publicPhoto(thumbs.get(piece.product_id!)!).catch(() => null)
          : null
      if (pic) pictures.push(pic)
    }
    if (!pictures.length)
      return new StepResponse(null as string | null, null as string | null)
    const jpeg = await collage(pictures)
    const file = await container.resolve(Modules.FILE).createFiles({
      filename: `outfit-${customer_id}-${crypto.randomUUID().slice(0, 8)}-collage.jpg`,
      mimeType: "image/jpeg",
      content: jpeg.toString("base64"),
      access: "private",
    })
    return new StepResponse(file.id as string | null, file.id as string | null)
  },
  async (fileId, { container }) => {
    if (fileId) await container.resolve(Modules.FILE).deleteFiles([fileId])
  }
)
