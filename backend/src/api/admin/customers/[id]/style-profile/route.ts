import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { STYLE_PROFILE_MODULE } from "../../../../../modules/style-profile"
import StyleProfileModuleService from "../../../../../modules/style-profile/service"
import { WARDROBE_MODULE } from "../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../modules/wardrobe/service"

/** A customer's style profile, liked products and the size of their wardrobe, for the customer page widget; 404 for an unknown customer. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { id: req.params.id },
  })
  if (!data.length)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer ${req.params.id} was not found`
    )
  const profiles =
    req.scope.resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const [row, likes, stats] = await Promise.all([
    profiles.profileOf(req.params.id),
    profiles.likesOf(req.params.id),
    wardrobe.stats(req.params.id),
  ])
  res.json({
    style_profile: StyleProfileModuleService.toShape(row as any),
    has_profile: !!row,
    updated_at: (row as any)?.updated_at ?? null,
    likes: likes.map((l: any) => ({
      product_id: l.product_id,
      source: l.source,
    })),
    wardrobe: { items: stats.items, value: stats.value, wears: stats.wears },
  })
}
