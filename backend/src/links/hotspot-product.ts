import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import LookbookModule from "../modules/lookbook"

// Read-only: the hotspot stores product_id / variant_id; the links let query.graph fetch them.
export default defineLink(
  { linkable: LookbookModule.linkable.lookHotspot, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
