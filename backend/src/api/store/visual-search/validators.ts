import { z } from "@medusajs/framework/zod"

const money = z.coerce
  .number({ error: "must be a number" })
  .nonnegative("must be ≥ 0")

/** Constraints shared by every visual search (query string or form fields). */
export const VisualSearchConstraints = z
  .object({
    region_id: z
      .string({ error: "region_id is required" })
      .min(1, "region_id is required"),
    size: z.string().trim().min(1).max(20).optional(),
    min_price: money.optional(),
    max_price: money.optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1, "limit must be 1–50")
      .max(50, "limit must be 1–50")
      .default(12),
  })
  .refine(
    (v) =>
      v.min_price == null || v.max_price == null || v.min_price <= v.max_price,
    { message: "min_price must not exceed max_price", path: ["min_price"] }
  )

/** One object, not a union: a wrong-typed field is then named in the 400 ("product_id: …"), not "Invalid input". */
export const VisualSearchJsonBody = z
  .object({
    product_id: z
      .string({ error: "product_id must be a string" })
      .min(1, "product_id must not be empty")
      .optional(),
    text: z
      .string({ error: "text must be a string" })
      .trim()
      .min(1, "text must not be empty")
      .max(200, "text is at most 200 characters")
      .optional(),
  })
  .strict()
  .refine((v) => (v.product_id === undefined) !== (v.text === undefined), {
    message: "send exactly one of product_id or text",
  })

export type VisualSearchConstraintsType = z.infer<
  typeof VisualSearchConstraints
>
