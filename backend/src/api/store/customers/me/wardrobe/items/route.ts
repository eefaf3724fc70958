import crypto from "node:crypto"
import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { WARDROBE_MODULE } from "../../../../../../modules/wardrobe"
import type WardrobeModuleService from "../../../../../../modules/wardrobe/service"
import { ImageInputError, normalizeUpload } from "../../../../../../lib/uploads"
import { garmentFamily } from "../../../../../../lib/garment-family"
import { tagPhoto } from "../../../../../../lib/wardrobe/tag-photo"
import {
  assertRegion,
  similarPurchasable,
} from "../../../../../../lib/wardrobe/similar-products"
import { addWardrobeItemWorkflow } from "../../../../../../workflows/wardrobe/add-wardrobe-item"
import { serializeItem } from "../serialize"
import type {
  StoreCreateWardrobeItemType,
  StoreListWardrobeItemsType,
} from "../validators"

/** GET …/wardrobe/items — the shopper's items, newest first, filtered by family, article type, colour, archived. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreListWardrobeItemsType>,
  res: MedusaResponse
) => {
  const { offset, limit, family, article_type, colour, archived } =
    req.validatedQuery as StoreListWardrobeItemsType
  const filters: Record<string, unknown> = {
    customer_id: req.auth_context.actor_id,
  }
  if (family) filters.family = family
  if (article_type) filters.article_type = article_type
  if (colour) filters.colour = colour
  if (archived !== undefined) filters.archived = archived
  const wardrobe = req.scope.resolve<WardrobeModuleService>(WARDROBE_MODULE)
  const [items, count] = await wardrobe.listAndCountWardrobeItems(filters, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({
    wardrobe_items: items.map((i) => serializeItem(req, i)),
    count,
    offset,
    limit,
  })
}

/**
 * POST …/wardrobe/items — a photo (multipart `image`) and optional fields. The
 * photo is normalised (size, type, pixel limit, re-encoded without EXIF),
 * tagged from its nearest catalogue products, cut out, and stored privately;
 * fields the shopper sends win over the suggestions.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateWardrobeItemType>,
  res: MedusaResponse
) => {
  const file = (req as any).file as { buffer: Buffer } | undefined
  if (!file)
    throw new ImageInputError(
      400,
      'Send the photo as multipart/form-data in field "image".'
    )
  const { region_id, ...fields } = req.validatedBody
  if (region_id) await assertRegion(req.scope, region_id)
  const { jpeg } = await normalizeUpload(file.buffer)
  const tags = await tagPhoto(req.scope, jpeg)
  const article_type =
    fields.article_type ?? tags.suggestions.article_type[0]?.value ?? null
  const colour = fields.colour ?? tags.suggestions.colour[0]?.value ?? null
  const { result } = await addWardrobeItemWorkflow(req.scope).run({
    input: {
      item: {
        ...fields,
        customer_id: req.auth_context.actor_id,
        article_type,
        colour,
        family: fields.family ?? garmentFamily(article_type),
        acquired_at: fields.acquired_at ? new Date(fields.acquired_at) : null,
        suggestions: tags.suggestions,
      },
      photo: jpeg.toString("base64"),
      cutout: tags.cutout.toString("base64"),
      stem: `wardrobe-${crypto.randomUUID()}`,
    },
  })
  const similar = await similarPurchasable(req.scope, tags.vector, {
    regionId: region_id,
    salesChannelIds: req.publishable_key_context?.sales_channel_ids ?? [],
  })
  res.json({
    wardrobe_item: {
      ...serializeItem(req, result),
      suggestions: tags.suggestions,
      similar_products: similar,
    },
  })
}
