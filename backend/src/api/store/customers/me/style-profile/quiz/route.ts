import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import StyleProfileModuleService from "../../../../../../modules/style-profile/service"
import { submitStyleQuizWorkflow } from "../../../../../../workflows/style-profile/submit-style-quiz"
import type { StoreSubmitStyleQuizType } from "../validators"

/** Saves the onboarding quiz; answers with the profile it produced and the shopper's likes. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreSubmitStyleQuizType>,
  res: MedusaResponse
) => {
  const { result } = await submitStyleQuizWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: req.auth_context.actor_id },
  })
  res.json({
    style_profile: StyleProfileModuleService.toShape(result.profile as any),
    likes_added: result.likes.length,
  })
}
