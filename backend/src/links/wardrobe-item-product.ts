import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import WardrobeModule from "../modules/wardrobe"

// Read-only: an item bought here (or tagged as a catalogue product) stores product_id.
export default defineLink(
  { linkable: WardrobeModule.linkable.wardrobeItem, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
