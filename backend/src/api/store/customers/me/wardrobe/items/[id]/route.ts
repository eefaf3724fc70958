import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../../modules/wardrobe/service"
import { garmentFamily } from "../../../../../../../lib/garment-family"
import { updateWardrobeItemsWorkflow } from "../../../../../../../workflows/wardrobe/update-wardrobe-items"
import { deleteWardrobeItemWorkflow } from "../../../../../../../workflows/wardrobe/delete-wardrobe-item"
import { serializeItem } from "../../serialize"
import type { StoreUpdateWardrobeItemType } from "../../validators"

/** GET …/items/:id — the item with the days it was worn and its cost per wear (404 unless it is the shopper's). */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const item = await wardrobe.ownedItem(
    req.auth_context.actor_id,
    req.params.id
  )
  const wears = await wardrobe.listWears(
    { wardrobe_item_id: item.id },
    { order: { worn_on: "DESC" }, take: null as any }
  )
  const price = item.price_paid == null ? null : Number(item.price_paid)
  res.json({
    wardrobe_item: {
      ...serializeItem(req, item),
      suggestions: item.suggestions ?? null,
      wears: wears.map((w) => ({
        id: w.id,
        worn_on: w.worn_on,
        outfit_id: w.outfit_id,
      })),
      wear_count: wears.length,
      cost_per_wear:
        price != null && wears.length
          ? Math.round((price / wears.length) * 100) / 100
          : null,
    },
  })
}

/** POST …/items/:id — confirm or correct tags and details; a new article type re-derives the family unless one is sent. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreUpdateWardrobeItemType>,
  res: MedusaResponse
) => {
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const item = await wardrobe.ownedItem(
    req.auth_context.actor_id,
    req.params.id
  )
  const body = req.validatedBody
  const update: Record<string, unknown> = { id: item.id }
  for (const [k, v] of Object.entries(body)) if (v !== undefined) update[k] = v
  if (body.acquired_at) update.acquired_at = new Date(body.acquired_at)
  if (body.article_type && !body.family)
    update.family = garmentFamily(body.article_type)
  const { result } = await updateWardrobeItemsWorkflow(req.scope).run({
    input: { updates: [update as any] },
  })
  res.json({ wardrobe_item: serializeItem(req, result[0]) })
}

/** DELETE …/items/:id — the item, its wears, its places in outfits and its photos. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await deleteWardrobeItemWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, id: req.params.id },
  })
  res.json({ id: req.params.id, object: "wardrobe_item", deleted: true })
}
