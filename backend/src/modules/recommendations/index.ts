import { Module } from "@medusajs/framework/utils"
import RecommendationsModuleService from "./service"

export const RECOMMENDATIONS_MODULE = "recommendations"

export default Module(RECOMMENDATIONS_MODULE, {
  service: RecommendationsModuleService,
})
