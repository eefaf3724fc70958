import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STYLE_PROFILE_MODULE } from "../../../modules/style-profile"
import StyleProfileModuleService from "../../../modules/style-profile/service"
import type { StyleProfileFields } from "../../../modules/style-profile/types"

export type UpsertStyleProfileInput = {
  customer_id: string
  profile_id: string | null
  fields: StyleProfileFields
}
type Undo = { created?: string; restore?: { id: string } & StyleProfileFields }

/** Writes the customer's profile (creating it the first time); undone by deleting it or putting the old values back. */
export const upsertStyleProfileStep = createStep(
  "upsert-style-profile",
  async (input: UpsertStyleProfileInput, { container }) => {
    const profiles =
      container.resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
    if (!input.profile_id) {
      const created = await profiles.createStyleProfiles({
        customer_id: input.customer_id,
        ...input.fields,
      } as any)
      return new StepResponse(created, { created: created.id } as Undo)
    }
    const before = await profiles.retrieveStyleProfile(input.profile_id)
    const updated = await profiles.replaceStyleProfile(
      input.profile_id,
      input.fields
    )
    return new StepResponse(updated, {
      restore: {
        id: before.id,
        ...StyleProfileModuleService.fieldsOf(before as any),
      },
    } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const profiles =
      container.resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
    if (undo.created) await profiles.deleteStyleProfiles(undo.created)
    if (undo.restore) {
      const { id, ...fields } = undo.restore
      await profiles.replaceStyleProfile(id, fields)
    }
  }
)
