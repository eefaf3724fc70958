import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../modules/wardrobe/service"

/** GET …/wardrobe/wears?from&to — the wear log (for the calendar), newest day first. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { from, to } = req.validatedQuery as { from?: string; to?: string }
  const worn_on: Record<string, string> = {}
  if (from) worn_on.$gte = from
  if (to) worn_on.$lte = to
  const wears = await req.scope
    .resolve<WardrobeModuleService>(WARDROBE_MODULE)
    .listWears(
      {
        customer_id: req.auth_context.actor_id,
        ...(from || to ? { worn_on } : {}),
      },
      { order: { worn_on: "DESC" }, take: null as any }
    )
  res.json({
    wears: wears.map((w) => ({
      id: w.id,
      wardrobe_item_id: w.wardrobe_item_id,
      outfit_id: w.outfit_id,
      worn_on: w.worn_on,
    })),
  })
}
