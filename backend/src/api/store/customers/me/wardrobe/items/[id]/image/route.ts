import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { WARDROBE_MODULE } from "../../../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../../../modules/wardrobe/service"

/**
 * GET …/items/:id/image?variant=original|cutout — streams the item's private
 * photo to its owner only (404 for anyone else). Items from orders show the
 * product's public photo: a redirect.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const item = await req.scope
    .resolve<WardrobeModuleService>(WARDROBE_MODULE)
    .ownedItem(req.auth_context.actor_id, req.params.id)
  const variant = (req.validatedQuery as any)?.variant ?? "original"
  const fileId =
    variant === "cutout"
      ? (item.cutout_file_id ?? item.image_file_id)
      : item.image_file_id
  if (!fileId) {
    if (item.image_url) return res.redirect(302, item.image_url)
    return res.status(404).json({
      type: "not_found",
      message: `Wardrobe item "${item.id}" has no photo`,
    })
  }
  const stream = await req.scope.resolve(Modules.FILE).getDownloadStream(fileId)
  res.setHeader("Content-Type", "image/jpeg")
  res.setHeader("Cache-Control", "private, max-age=3600")
  stream.on("error", () => res.destroy())
  stream.pipe(res)
}
