import { z } from "@medusajs/framework/zod"

export const StoreLookbookParams = z.object({ region_id: z.string().min(1).optional() })
export const StoreAddLookToCart = z
  .object({
    cart_id: z.string({ error: "cart_id is required" }).min(1, "cart_id is required"),
    items: z
      .array(z.object({ product_id: z.string().min(1), variant_id: z.string({ error: "pick a size: variant_id is required" }).min(1), quantity: z.number().int().min(1).max(10).default(1) }).strict())
      .min(1, "pick at least one item")
      .max(30),
  })
  .strict()
export const StoreLookEvent = z.object({ type: z.enum(["look_viewed", "hotspot_opened"]), look_id: z.string().min(1), product_id: z.string().min(1).optional() }).strict()

export type StoreAddLookToCartType = z.infer<typeof StoreAddLookToCart>
export type StoreLookEventType = z.infer<typeof StoreLookEvent>
