import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { GARMENT_FAMILIES } from "../../../../../lib/garment-family"

/** 2026-02-31 parses in JS (as 3 March): a real day survives the round trip. */
function isRealDay(s: string) {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

// multipart fields arrive as strings: an empty field means "not given"
const blank = (v: unknown) =>
  typeof v === "string" && v.trim() === "" ? undefined : v
const text = (max: number) =>
  z.preprocess(blank, z.string().trim().max(max).optional())
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use a day as YYYY-MM-DD")
  .refine(isRealDay, "not a real day")
const bool = z.preprocess(
  (v) =>
    v === "true" || v === "1"
      ? true
      : v === "false" || v === "0"
        ? false
        : blank(v),
  z.boolean().optional()
)

const itemFields = {
  article_type: text(80),
  colour: text(60),
  family: z.preprocess(blank, z.enum(GARMENT_FAMILIES).optional()),
  brand: text(120),
  size: text(20),
  price_paid: z.preprocess(
    blank,
    z.coerce
      .number()
      .min(0, "price_paid cannot be negative")
      .max(1_000_000)
      .optional()
  ),
  currency_code: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{3}$/, "currency_code is a 3-letter ISO code")
      .optional()
  ),
  acquired_at: z.preprocess(blank, day.optional()),
  notes: text(2000),
}

/** POST items (multipart fields next to `image`); `region_id` picks where "shop similar" products must be buyable. */
export const StoreCreateWardrobeItem = z
  .object({ ...itemFields, region_id: text(100) })
  .strict()
export const StoreUpdateWardrobeItem = z
  .object({ ...itemFields, archived: bool })
  .strict()
  .refine(
    (b) => Object.values(b).some((v) => v !== undefined),
    "send at least one field to change"
  )

export const StoreListWardrobeItems = createFindParams({
  limit: 20,
  offset: 0,
}).merge(
  z.object({
    offset: z.coerce
      .number()
      .int()
      .min(0, "offset cannot be negative")
      .default(0),
    limit: z.coerce
      .number()
      .int()
      .min(1, "limit must be at least 1")
      .max(100, "limit is at most 100")
      .default(20),
    family: z.enum(GARMENT_FAMILIES).optional(),
    article_type: z.string().min(1).optional(),
    colour: z.string().min(1).optional(),
    archived: bool,
  })
)

const piece = z
  .object({
    wardrobe_item_id: z.string().min(1).optional(),
    product_id: z.string().min(1).optional(),
  })
  .strict()
  .refine(
    (p) => !!p.wardrobe_item_id !== !!p.product_id,
    "each item is either a wardrobe_item_id or a product_id"
  )
export const StoreCreateOutfit = z
  .object({
    name: z.string().trim().min(1, "name is required").max(120),
    notes: z.string().max(2000).nullish(),
    items: z.array(piece).min(1, "an outfit has at least one item").max(12),
  })
  .strict()
export const StoreUpdateOutfit = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    notes: z.string().max(2000).nullish(),
    items: z.array(piece).min(1).max(12).optional(),
  })
  .strict()
export const StoreListOutfits = z.object({
  offset: z.coerce
    .number()
    .int()
    .min(0, "offset cannot be negative")
    .default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export const StoreLogWear = z.object({ date: day }).strict()
export const StoreListWears = z.object({
  from: day.optional(),
  to: day.optional(),
})
export const StoreEraseWardrobe = z
  .object({
    confirm: z.literal("DELETE", {
      error: 'send { "confirm": "DELETE" } to erase your wardrobe',
    }),
  })
  .strict()
export const StoreImageVariant = z.object({
  variant: z.enum(["original", "cutout"]).default("original"),
})

export type StoreCreateWardrobeItemType = z.infer<
  typeof StoreCreateWardrobeItem
>
export type StoreUpdateWardrobeItemType = z.infer<
  typeof StoreUpdateWardrobeItem
>
export type StoreListWardrobeItemsType = z.infer<typeof StoreListWardrobeItems>
export type StoreCreateOutfitType = z.infer<typeof StoreCreateOutfit>
export type StoreUpdateOutfitType = z.infer<typeof StoreUpdateOutfit>
export type StoreLogWearType = z.infer<typeof StoreLogWear>
