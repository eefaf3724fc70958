import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SocialModule from "../modules/social"

// Read-only: the profile stores customer_id; the link lets query.graph fetch the customer.
export default defineLink(
  { linkable: SocialModule.linkable.socialProfile, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
