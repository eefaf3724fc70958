import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import LookbookModule from "../modules/lookbook"

export default defineLink(
  { linkable: LookbookModule.linkable.lookHotspot, field: "variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
