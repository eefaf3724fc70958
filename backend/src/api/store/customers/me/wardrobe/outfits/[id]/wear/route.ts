import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../../../modules/wardrobe/service"
import type { StoreLogWearType } from "../../../validators"

/** POST …/outfits/:id/wear { date } — each owned piece is worn that day (an item already worn that day counts once). */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreLogWearType>,
  res: MedusaResponse
) => {
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const customerId = req.auth_context.actor_id
  const outfit = await wardrobe.ownedOutfit(customerId, req.params.id)
  const itemIds = outfit.items
    .map((i) => i.wardrobe_item_id)
    .filter((id): id is string => !!id)
  const created = await wardrobe.logWears(
    customerId,
    itemIds,
    req.validatedBody.date,
    outfit.id
  )
  res.json({
    worn_on: req.validatedBody.date,
    outfit_id: outfit.id,
    wears: created.map((w) => ({
      id: w.id,
      wardrobe_item_id: w.wardrobe_item_id,
      worn_on: w.worn_on,
    })),
    already_logged: itemIds.length - created.length,
  })
}
