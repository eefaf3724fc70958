import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { liveLookbook } from "../../../../../../../lib/lookbook/store-lookbooks"
import { isLookItemsRefused } from "../../../../../../../lib/lookbook/check-look-items"
import { addLookToCartWorkflow } from "../../../../../../../workflows/lookbook/add-look-to-cart"
import type { StoreAddLookToCartType } from "../../../../validators"

/**
 * POST /store/lookbooks/:id/looks/:look_id/add-to-cart — every picked item or
 * none. 409 with a reason per item when any cannot be added (decided by the
 * workflow's validate step); the cart is untouched.
 */
export const POST = async (
  req: MedusaStoreRequest<StoreAddLookToCartType>,
  res: MedusaResponse
) => {
  const lb = await liveLookbook(
    req.scope,
    req.params.id,
    req.publishable_key_context?.sales_channel_ids ?? []
  )
  const look = lb.looks.find((l: any) => l.id === req.params.look_id)
  if (!look) {
    res.status(404).json({
      type: "not_found",
      message: `Look ${req.params.look_id} was not found in lookbook ${req.params.id}`,
    })
    return
  }
  const hotspotProductIds = (look.hotspots ?? []).map((h: any) => h.product_id)
  const { cart_id, items } = req.validatedBody
  let verdicts
  try {
    ;({
      result: { items: verdicts },
    } = await addLookToCartWorkflow(req.scope).run({
      input: {
        lookbook_id: lb.id,
        look_id: look.id,
        cart_id,
        hotspotProductIds,
        items,
      },
    }))
  } catch (e) {
    if (!isLookItemsRefused(e)) throw e
    res
      .status(409)
      .json({ type: "not_allowed", message: e.message, items: e.items })
    return
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "total",
      "items.id",
      "items.variant_id",
      "items.quantity",
      "items.title",
      "items.metadata",
    ],
    filters: { id: cart_id },
  })
  res.status(200).json({ cart: data[0], items: verdicts })
}
