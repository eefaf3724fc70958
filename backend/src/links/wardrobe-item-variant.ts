import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import WardrobeModule from "../modules/wardrobe"

// Read-only: the variant (size) the shopper bought, when the item came from an order.
export default defineLink(
  { linkable: WardrobeModule.linkable.wardrobeItem, field: "variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
