import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WARDROBE_MODULE } from "../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../modules/wardrobe/service"
import { serializeItem, serializeOutfit } from "../wardrobe/serialize"

/**
 * GET /store/customers/me/export — everything the store keeps about the
 * shopper's style and wardrobe, as JSON (photos as owner-only links). The
 * style profile is included when that module is installed.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const customerId = req.auth_context.actor_id
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "created_at"],
    filters: { id: customerId },
  })
  const [items, outfits, wears] = await Promise.all([
    wardrobe.listWardrobeItems(
      { customer_id: customerId },
      { take: null as any, order: { created_at: "ASC" } }
    ),
    wardrobe.listOutfits(
      { customer_id: customerId },
      { take: null as any, relations: ["items"], order: { created_at: "ASC" } }
    ),
    wardrobe.listWears(
      { customer_id: customerId },
      { take: null as any, order: { worn_on: "ASC" } }
    ),
  ])
  const body: Record<string, unknown> = {
    exported_at: new Date().toISOString(),
    customer: customer ?? null,
    wardrobe: {
      items: items.map((i) => ({
        ...serializeItem(req, i),
        suggestions: i.suggestions ?? null,
      })),
    },
    outfits: outfits.map((o) => serializeOutfit(req, o)),
    wear_log: wears.map((w) => ({
      wardrobe_item_id: w.wardrobe_item_id,
      outfit_id: w.outfit_id,
      worn_on: w.worn_on,
    })),
  }
  const profile = await styleProfile(req, customerId)
  if (profile !== undefined) body.style_profile = profile
  res.setHeader(
    "Content-Disposition",
    'attachment; filename="curatorai-export.json"'
  )
  res.json(body)
}

/** The style profile, when the style-profile module is installed (another feature); undefined otherwise. */
async function styleProfile(
  req: AuthenticatedMedusaRequest,
  customerId: string
) {
  for (const key of ["style_profile", "styleProfile", "style-profile"]) {
    if (!req.scope.hasRegistration(key)) continue
    const service = req.scope.resolve<any>(key)
    const lister = service.listStyleProfiles?.bind(service)
    if (!lister) continue
    const [profile] = await lister({ customer_id: customerId })
    return profile ?? null
  }
  return undefined
}
