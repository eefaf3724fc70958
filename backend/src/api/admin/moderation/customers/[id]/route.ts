import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { moderateCustomerWorkflow } from "../../../../../workflows/social/moderate"

/** POST /admin/moderation/customers/:id `{ action: warn|ban|unban, note? }` — a banned shopper's writes answer 403 and their posts leave the feeds. */
export const POST = async (
  req: AuthenticatedMedusaRequest<{
    action: "warn" | "ban" | "unban"
    note?: string
  }>,
  res: MedusaResponse
) => {
  const { result } = await moderateCustomerWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      user_id: req.auth_context.actor_id,
      ...req.validatedBody,
    },
  })
  res.json({ social_profile: result })
}
