import { Module } from "@medusajs/framework/utils"
import SearchAnalyticsModuleService from "./service"

export const SEARCH_ANALYTICS_MODULE = "search_analytics"

export default Module(SEARCH_ANALYTICS_MODULE, {
  service: SearchAnalyticsModuleService,
})
