import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import StyleProfileModule from "../modules/style-profile"

// The profile carries its customer's id (every read filters by it); this
// read-only link lets Query walk from a profile to its customer without a link table.
export default defineLink(
  { linkable: StyleProfileModule.linkable.styleProfile, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
