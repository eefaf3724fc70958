import { defineLink } from "@medusajs/framework/utils"
import SalesChannelModule from "@medusajs/medusa/sales-channel"
import LookbookModule from "../modules/lookbook"

// Which storefronts show a lookbook: a real link table, managed by the lookbook workflows.
export default defineLink(
  { linkable: LookbookModule.linkable.lookbook, isList: true },
  { linkable: SalesChannelModule.linkable.salesChannel, isList: true }
)
