import { Module } from "@medusajs/framework/utils"
import WardrobeModuleService from "./service"

export const WARDROBE_MODULE = "wardrobe"

export default Module(WARDROBE_MODULE, { service: WardrobeModuleService })
