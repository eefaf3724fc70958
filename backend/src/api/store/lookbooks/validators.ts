import { z } from "@medusajs/framework/zod"
import {
  MAX_LOOK_ITEM_QUANTITY,
  MAX_LOOK_ITEMS,
} from "../../../shared/look-limits"

export const StoreLookbookParams = z.object({
  region_id: z.string().min(1).optional(),
})
export const StoreAddLookToCart = z
  .object({
    cart_id: z
      .string({ error: "cart_id is required" })
      .min(1, "cart_id is required"),
    items: z
      .array(
        z
          .object({
            product_id: z.string().min(1),
            variant_id: z
              .string({ error: "pick a size: variant_id is required" })
              .min(1),
            quantity: z
              .number()
              .int()
              .min(1)
              .max(MAX_LOOK_ITEM_QUANTITY)
              .default(1),
          })
          .strict()
      )
      .min(1, "pick at least one item")
      .max(MAX_LOOK_ITEMS, `at most ${MAX_LOOK_ITEMS} items at once`),
  })
  .strict()
export const StoreLookEvent = z
  .object({
    type: z.enum(["look_viewed", "hotspot_opened"]),
    look_id: z.string().min(1),
    product_id: z.string().min(1).optional(),
  })
  .strict()

export type StoreAddLookToCartType = z.infer<typeof StoreAddLookToCart>
export type StoreLookEventType = z.infer<typeof StoreLookEvent>
