import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STYLE_PROFILE_MODULE } from "../../../../../modules/style-profile"
import StyleProfileModuleService from "../../../../../modules/style-profile/service"
import { upsertStyleProfileWorkflow } from "../../../../../workflows/style-profile/upsert-style-profile"
import type { StoreUpdateStyleProfileType } from "./validators"

/** The signed-in shopper's profile; the empty shape when they have none yet. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const profiles =
    req.scope.resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
  const row = await profiles.profileOf(req.auth_context.actor_id)
  res.json({ style_profile: StyleProfileModuleService.toShape(row as any) })
}

/** Partial update: absent fields stay, null clears a field. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreUpdateStyleProfileType>,
  res: MedusaResponse
) => {
  const { result } = await upsertStyleProfileWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      update: req.validatedBody,
    },
  })
  res.json({ style_profile: StyleProfileModuleService.toShape(result as any) })
}
