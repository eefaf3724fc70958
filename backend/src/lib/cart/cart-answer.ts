import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The cart as every add-a-set route answers it (200 `{ cart, items }`). */
export async function cartAnswer(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "total",
      "items.id",
      "items.variant_id",
      "items.product_id",
      "items.quantity",
      "items.title",
      "items.metadata",
    ],
    filters: { id: cartId },
  })
  return data[0]
}
