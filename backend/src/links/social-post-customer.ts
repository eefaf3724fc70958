import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SocialModule from "../modules/social"

// Read-only: a post stores its author's customer_id.
export default defineLink(
  { linkable: SocialModule.linkable.socialPost, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
