import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import VisualSearchModule from "../modules/visual-search"

// Read-only: the vector row carries product_id itself, so no link table is
// needed; the link lets `query.graph` walk product ⇄ image vectors.
export default defineLink(
  {
    linkable: VisualSearchModule.linkable.visualSearchImageVector,
    field: "product_id",
    isList: true,
  },
  ProductModule.linkable.product,
  { readOnly: true }
)
