import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../../../../../../../modules/recommendations"
import type RecommendationsModuleService from "../../../../../../../modules/recommendations/service"
import { cartAnswer } from "../../../../../../../lib/cart/cart-answer"
import {
  isSetItemsRefused,
  refusedBody,
} from "../../../../../../../lib/cart/check-set-items"
import { addOutfitToCartWorkflow } from "../../../../../../../workflows/recommendations/add-outfit-to-cart"
import type { StoreAddSetToCartType } from "../../../../../../utils/add-set-to-cart"

/**
 * POST /store/customers/me/recommendations/:id/add-to-cart — the picked items
 * (one size each) of the caller's recommendation, all or none; owned items
 * are not part of what can be bought. Another shopper's recommendation → 404.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreAddSetToCartType>,
  res: MedusaResponse
) => {
  const customerId = req.auth_context.actor_id
  const rec = await req.scope
    .resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    .recommendationOf(customerId, req.params.id)
  if (!rec)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Recommendation ${req.params.id} was not found`
    )
  const productIds: string[] = ((rec.payload as any)?.items ?? [])
    .filter((i: any) => i.product?.id && !i.owned)
    .map((i: any) => i.product.id)
  const { cart_id, items } = req.validatedBody
  try {
    const { result } = await addOutfitToCartWorkflow(req.scope).run({
      input: {
        customer_id: customerId,
        recommendation_id: rec.id,
        cart_id,
        product_ids: productIds,
        items,
      },
    })
    res.json({
      cart: await cartAnswer(req.scope, cart_id),
      items: result.items,
    })
  } catch (e) {
    if (!isSetItemsRefused(e)) throw e
    res.status(409).json(refusedBody(e))
  }
}
