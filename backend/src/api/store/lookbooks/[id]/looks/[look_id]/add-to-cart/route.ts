import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { cartAnswer } from "../../../../../../../lib/cart/cart-answer"
import { liveLookbook } from "../../../../../../../lib/lookbook/store-lookbooks"
import {
  isSetItemsRefused,
  refusedBody,
} from "../../../../../../../lib/cart/check-set-items"
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
    if (!isSetItemsRefused(e)) throw e
    res.status(409).json(refusedBody(e))
    return
  }
  res
    .status(200)
    .json({ cart: await cartAnswer(req.scope, cart_id), items: verdicts })
}
