import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { trainRecommendationsWorkflow } from "../../../../workflows/recommendations/train"

/** POST /admin/recommendations/train — trains the co-occurrence model now; answers its figures. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const { result } = await trainRecommendationsWorkflow(req.scope).run({
    input: {},
  })
  res.json({ model: result })
}
