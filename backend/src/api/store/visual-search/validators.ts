import { z } from "@medusajs/framework/zod"

const money = z.coerce.number({ error: "must be a number" }).nonnegative("must be ≥ 0")

/** Constraints shared by every visual search (query string or form fields). */
export const VisualSearchConstraints = z
  .object({
    region_id: z.string({ error: "region_id is required" }).min(1, "region_id is required"),
    size: z.string().trim().min(1).max(20).optional(),
    min_price: money.optional(),
    max_price: money.optional(),
    limit: z.coerce.number().int().min(1, "limit must be 1–50").max(50, "limit must be 1–50").default(12),
  })
  .refine((v) => v.min_price == null || v.max_price == null || v.min_price <= v.max_price, { message: "min_price must not exceed max_price", path: ["min_price"] })

export const VisualSearchJsonBody = z.union([
  z.object({ product_id: z.string().min(1) }).strict(),
  z.object({ text: z.string().trim().min(1, "text must not be empty").max(200, "text is at most 200 characters") }).strict(),
])

export type VisualSearchConstraintsType = z.infer<typeof VisualSearchConstraints>
