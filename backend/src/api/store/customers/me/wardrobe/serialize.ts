import type { MedusaRequest } from "@medusajs/framework/http"

const base = (req: MedusaRequest) =>
  `${req.protocol}://${req.get("host")}/store/customers/me/wardrobe`

/**
 * The public shape of a wardrobe item. Uploaded photos are private files:
 * their URLs point at the owner-only image route, never at /static.
 */
export function serializeItem(req: MedusaRequest, item: any) {
  const own = item.image_file_id ? `${base(req)}/items/${item.id}/image` : null
  return {
    id: item.id,
    image_url: own ?? item.image_url ?? null,
    cutout_url: item.cutout_file_id
      ? `${own}?variant=cutout`
      : (own ?? item.image_url ?? null),
    article_type: item.article_type ?? null,
    colour: item.colour ?? null,
    family: item.family ?? null,
    brand: item.brand ?? null,
    size: item.size ?? null,
    price_paid: item.price_paid == null ? null : Number(item.price_paid),
    currency_code: item.currency_code ?? null,
    acquired_at: item.acquired_at ?? null,
    source: item.source,
    product_id: item.product_id ?? null,
    variant_id: item.variant_id ?? null,
    order_id: item.order_id ?? null,
    order_line_item_id: item.order_line_item_id ?? null,
    notes: item.notes ?? null,
    archived: !!item.archived,
    created_at: item.created_at,
    updated_at: item.updated_at,
  }
}

export function serializeOutfit(req: MedusaRequest, outfit: any) {
  return {
    id: outfit.id,
    name: outfit.name,
    notes: outfit.notes ?? null,
    collage_url: outfit.collage_file_id
      ? `${base(req)}/outfits/${outfit.id}/image`
      : null,
    items: [...(outfit.items ?? [])]
      .sort((a: any, b: any) => a.rank - b.rank)
      .map((i: any) => ({
        rank: i.rank,
        wardrobe_item_id: i.wardrobe_item_id ?? null,
        product_id: i.product_id ?? null,
      })),
    created_at: outfit.created_at,
    updated_at: outfit.updated_at,
  }
}
