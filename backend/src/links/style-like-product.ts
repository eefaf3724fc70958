import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import StyleProfileModule from "../modules/style-profile"

// A like names a catalogue product; read-only, so Query can fetch the product of each like.
export default defineLink(
  { linkable: StyleProfileModule.linkable.styleLike, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
