import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../modules/wardrobe/service"
import { saveOutfitWorkflow } from "../../../../../../workflows/wardrobe/save-outfit"
import { serializeOutfit } from "../serialize"
import type { StoreCreateOutfitType } from "../validators"

/** GET …/wardrobe/outfits — the shopper's outfits, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { offset, limit } = req.validatedQuery as {
    offset: number
    limit: number
  }
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const [outfits, count] = await wardrobe.listAndCountOutfits(
    { customer_id: req.auth_context.actor_id },
    {
      skip: offset,
      take: limit,
      relations: ["items"],
      order: { created_at: "DESC", id: "DESC" },
    }
  )
  res.json({
    outfits: outfits.map((o) => serializeOutfit(req, o)),
    count,
    offset,
    limit,
  })
}

/** POST …/wardrobe/outfits — own items and/or catalogue products, in order; the collage is drawn on the server. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateOutfitType>,
  res: MedusaResponse
) => {
  const { result } = await saveOutfitWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: req.auth_context.actor_id },
  })
  res.json({ outfit: serializeOutfit(req, result) })
}
