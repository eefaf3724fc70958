import { Module } from "@medusajs/framework/utils"
import StyleProfileModuleService from "./service"

export const STYLE_PROFILE_MODULE = "style_profile"

export default Module(STYLE_PROFILE_MODULE, {
  service: StyleProfileModuleService,
})
