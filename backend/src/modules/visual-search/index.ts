import { Module } from "@medusajs/framework/utils"
import VisualSearchModuleService from "./service"

export const VISUAL_SEARCH_MODULE = "visual_search"

export default Module(VISUAL_SEARCH_MODULE, {
  service: VisualSearchModuleService,
})
