import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import WardrobeModule from "../modules/wardrobe"

// Read-only: the item stores customer_id (every query filters by it); the link lets query.graph fetch the customer.
export default defineLink(
  { linkable: WardrobeModule.linkable.wardrobeItem, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
