import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { liveLookbook } from "../../../../lib/lookbook/store-lookbooks"
import { productCards } from "../../../../lib/product-cards"
import { regionContext } from "../../../../lib/offers"

/** GET /store/lookbooks/:id (id or handle) ?region_id= — looks, hotspots and their products priced and stocked for the region. */
export const GET = async (
  req: MedusaStoreRequest<unknown, { region_id?: string }>,
  res: MedusaResponse
) => {
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  const regionId = req.validatedQuery?.region_id
  if (regionId) await regionContext(req.scope, regionId, salesChannelIds) // 404 naming an unknown region
  const lb = await liveLookbook(req.scope, req.params.id, salesChannelIds)
  const productIds = [
    ...new Set(
      lb.looks.flatMap((l: any) =>
        (l.hotspots ?? []).map((h: any) => h.product_id)
      )
    ),
  ] as string[]
  const cards = await productCards(
    req.scope,
    productIds,
    regionId,
    salesChannelIds
  )
  res.json({
    lookbook: {
      id: lb.id,
      title: lb.title,
      handle: lb.handle,
      description: lb.description,
      cover_image: lb.cover_image,
      looks: lb.looks.map((l: any) => ({
        id: l.id,
        title: l.title,
        image_url: l.image_url,
        rank: l.rank,
        hotspots: (l.hotspots ?? [])
          .filter((h: any) => cards.has(h.product_id))
          .map((h: any) => ({
            id: h.id,
            x: h.x,
            y: h.y,
            label: h.label,
            variant_id: h.variant_id,
            product: cards.get(h.product_id),
          })),
      })),
    },
  })
}
