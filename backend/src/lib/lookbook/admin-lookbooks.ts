import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"

export const ADMIN_LOOKBOOK_FIELDS = [
  "*",
  "sales_channels.id",
  "sales_channels.name",
  "looks.*",
  "looks.hotspots.*",
  "looks.hotspots.product.id",
  "looks.hotspots.product.title",
  "looks.hotspots.product.thumbnail",
  "looks.hotspots.product_variant.id",
  "looks.hotspots.product_variant.title",
]

/** A lookbook as the admin editor needs it: looks in order, hotspots with their product's title and thumbnail. */
export async function adminLookbook(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "lookbook",
    fields: ADMIN_LOOKBOOK_FIELDS,
    filters: { id },
  })
  const lb = data[0] as any
  if (!lb)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Lookbook ${id} was not found`
    )
  lb.looks = [...(lb.looks ?? [])].sort((a: any, b: any) => a.rank - b.rank)
  return lb
}
