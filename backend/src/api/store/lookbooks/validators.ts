import { z } from "@medusajs/framework/zod"
import { StoreAddSetToCart } from "../../utils/add-set-to-cart"

export const StoreLookbookParams = z.object({
  region_id: z.string().min(1).optional(),
})
/** add-look takes the body every add-a-set route takes */
export const StoreAddLookToCart = StoreAddSetToCart
export const StoreLookEvent = z
  .object({
    type: z.enum(["look_viewed", "hotspot_opened"]),
    look_id: z.string().min(1),
    product_id: z.string().min(1).optional(),
  })
  .strict()

export type StoreAddLookToCartType = z.infer<typeof StoreAddLookToCart>
export type StoreLookEventType = z.infer<typeof StoreLookEvent>
