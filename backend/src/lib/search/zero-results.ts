import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SEARCH_ANALYTICS_MODULE } from "../../modules/search-analytics"
import type SearchAnalyticsModuleService from "../../modules/search-analytics/service"

/** Records a zero-result query for merchant analytics, off the shopper's path: a failure is logged, never answered. */
export function recordZeroResult(
  container: MedusaContainer,
  input: { query: string; region_id: string; engine: string }
) {
  const analytics = container.resolve<SearchAnalyticsModuleService>(
    SEARCH_ANALYTICS_MODULE
  )
  return analytics.recordZeroResult(input).catch((e: any) => {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `[search] could not record the zero-result query: ${e?.message ?? e}`
      )
  })
}
