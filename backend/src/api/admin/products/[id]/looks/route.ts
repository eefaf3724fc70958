import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** GET /admin/products/:id/looks — the looks whose hotspots feature this product (for the product page widget). */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "look_hotspot",
    fields: [
      "id",
      "look.id",
      "look.title",
      "look.image_url",
      "look.lookbook.id",
      "look.lookbook.title",
      "look.lookbook.status",
    ],
    filters: { product_id: req.params.id },
  })
  const looks = new Map<string, any>()
  for (const h of data as any[])
    if (h.look)
      looks.set(h.look.id, {
        id: h.look.id,
        title: h.look.title,
        image_url: h.look.image_url,
        lookbook: h.look.lookbook,
      })
  res.json({ looks: [...looks.values()] })
}
