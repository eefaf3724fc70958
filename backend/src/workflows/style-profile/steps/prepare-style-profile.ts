import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { STYLE_PROFILE_MODULE } from "../../../modules/style-profile"
import StyleProfileModuleService from "../../../modules/style-profile/service"
import type { StyleProfileFields } from "../../../modules/style-profile/types"
import {
  mergeStyleProfile,
  type StyleProfileAdditions,
  type StyleProfileUpdate,
} from "../merge-style-profile"

export type PrepareStyleProfileInput = {
  customer_id: string
  update: StyleProfileUpdate
  add?: StyleProfileAdditions
}

/** Reads the customer's profile and returns it merged with the update, refusing a merge that contradicts itself. */
export const prepareStyleProfileStep = createStep(
  "prepare-style-profile",
  async (input: PrepareStyleProfileInput, { container }) => {
    const profiles =
      container.resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
    const current = await profiles.profileOf(input.customer_id)
    const next = mergeStyleProfile(
      StyleProfileModuleService.fieldsOf(current as any),
      input.update,
      input.add
    )
    // the body alone may be consistent and still contradict what is stored (min sent, max stored)
    if (
      next.budget_min_item != null &&
      next.budget_max_item != null &&
      next.budget_min_item > next.budget_max_item
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `budget.min_item (${next.budget_min_item}) must not be more than budget.max_item (${next.budget_max_item})`
      )
    }
    if (input.update.country_code) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: regions } = await query.graph({
        entity: "region",
        fields: ["countries.iso_2"],
      })
      const served = regions.flatMap((r: any) =>
        (r.countries ?? []).map((c: any) => c.iso_2)
      )
      if (!served.includes(input.update.country_code)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `country_code: no region of this store serves '${input.update.country_code}' (served: ${served.sort().join(", ")})`
        )
      }
    }
    return new StepResponse({
      profile_id: (current as any)?.id ?? null,
      fields: next as StyleProfileFields,
    })
  }
)
