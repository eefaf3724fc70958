import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../../modules/wardrobe/service"
import { saveOutfitWorkflow } from "../../../../../../../workflows/wardrobe/save-outfit"
import { deleteOutfitWorkflow } from "../../../../../../../workflows/wardrobe/delete-outfit"
import { serializeOutfit } from "../../serialize"
import type { StoreUpdateOutfitType } from "../../validators"

/** GET …/outfits/:id — 404 unless it is the shopper's. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const outfit = await req.scope
    .resolve<WardrobeModuleService>(WARDROBE_MODULE)
    .ownedOutfit(req.auth_context.actor_id, req.params.id)
  res.json({ outfit: serializeOutfit(req, outfit) })
}

/** POST …/outfits/:id — rename, re-note or re-order/replace the pieces (a new collage when they change). */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreUpdateOutfitType>,
  res: MedusaResponse
) => {
  const { result } = await saveOutfitWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      id: req.params.id,
      customer_id: req.auth_context.actor_id,
    },
  })
  res.json({ outfit: serializeOutfit(req, result) })
}

/** DELETE …/outfits/:id — the outfit and its collage; the items and their wears stay. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await deleteOutfitWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, id: req.params.id },
  })
  res.json({ id: req.params.id, object: "outfit", deleted: true })
}
