import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { eraseWardrobeWorkflow } from "../../../../../workflows/wardrobe/erase-wardrobe"

/** DELETE …/me/wardrobe { confirm: "DELETE" } — erases items, outfits, wear log and every stored photo and collage. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { result } = await eraseWardrobeWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id },
  })
  res.json({ object: "wardrobe", deleted: true, erased: result })
}
