import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { cartAnswer } from "../../../../../../lib/cart/cart-answer"
import {
  isSetItemsRefused,
  refusedBody,
} from "../../../../../../lib/cart/check-set-items"
import { addSetToCartWorkflow } from "../../../../../../workflows/cart/add-set-to-cart"
import type { StoreAddSetToCartType } from "../../../../../utils/add-set-to-cart"
import { socialOf, visiblePost } from "../../../helpers"

/**
 * POST /store/feed/posts/:id/add-to-cart — "add these to cart": the picked
 * tagged products of a post this viewer can see (else 404), all or none.
 */
export const POST = async (
  req: MedusaStoreRequest<StoreAddSetToCartType>,
  res: MedusaResponse
) => {
  const post = await visiblePost(req, req.params.id)
  const tags = (await socialOf(req).listSocialPostTags(
    { post_id: post.id },
    { select: ["product_id"], take: null as any }
  )) as { product_id: string }[]
  const { cart_id, items } = req.validatedBody
  try {
    const { result } = await addSetToCartWorkflow(req.scope).run({
      input: {
        cart_id,
        source: { type: "post", id: post.id },
        allowed_product_ids: tags.map((t) => t.product_id),
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
