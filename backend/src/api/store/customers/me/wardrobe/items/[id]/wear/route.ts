import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../../../modules/wardrobe/service"
import type { StoreLogWearType } from "../../../validators"

/** POST …/items/:id/wear { date } — logs a wear; the same item on the same day counts once. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreLogWearType>,
  res: MedusaResponse
) => {
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const customerId = req.auth_context.actor_id
  const item = await wardrobe.ownedItem(customerId, req.params.id)
  const created = await wardrobe.logWears(
    customerId,
    [item.id],
    req.validatedBody.date
  )
  const wears = await wardrobe.listWears(
    { wardrobe_item_id: item.id },
    { select: ["id"] }
  )
  res.json({
    worn_on: req.validatedBody.date,
    wardrobe_item_id: item.id,
    logged: created.length === 1,
    wear_count: wears.length,
  })
}
