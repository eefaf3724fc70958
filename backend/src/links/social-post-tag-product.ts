import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SocialModule from "../modules/social"

// Read-only: a tag stores product_id; the link lets query.graph fetch the product.
export default defineLink(
  { linkable: SocialModule.linkable.socialPostTag, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
