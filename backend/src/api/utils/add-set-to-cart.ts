import { z } from "@medusajs/framework/zod"
import {
  MAX_LOOK_ITEM_QUANTITY,
  MAX_LOOK_ITEMS,
} from "../../shared/look-limits"

/** The body of every "add these to cart" route (a look, an outfit, a post): one size picked per item. */
export const StoreAddSetToCart = z
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
export type StoreAddSetToCartType = z.infer<typeof StoreAddSetToCart>
