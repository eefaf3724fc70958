import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { WARDROBE_MODULE } from "../../../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../../../modules/wardrobe/service"

/** GET …/outfits/:id/image — the outfit's collage, to its owner only. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const outfit = await req.scope
    .resolve<WardrobeModuleService>(WARDROBE_MODULE)
    .ownedOutfit(req.auth_context.actor_id, req.params.id)
  if (!outfit.collage_file_id)
    return res.status(404).json({
      type: "not_found",
      message: `Outfit "${outfit.id}" has no collage`,
    })
  const stream = await req.scope
    .resolve(Modules.FILE)
    .getDownloadStream(outfit.collage_file_id)
  res.setHeader("Content-Type", "image/jpeg")
  res.setHeader("Cache-Control", "private, max-age=3600")
  stream.on("error", () => res.destroy())
  stream.pipe(res)
}
