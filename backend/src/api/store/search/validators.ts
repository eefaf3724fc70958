import { z } from "@medusajs/framework/zod"

const money = z.coerce
  .number({ error: "must be a number" })
  .nonnegative("must be ≥ 0")
  .max(1_000_000, "must be ≤ 1000000")

/** `colour=White&colour=Black` or `colour=White,Black` → ["White", "Black"]. */
const list = (name: string, max = 20) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean)
    )
    .refine((v) => v.length <= max, `at most ${max} ${name} values`)
    .refine(
      (v) => v.every((s) => s.length <= 100),
      `${name} values are at most 100 characters`
    )
    .optional()

export const StoreSearchParams = z
  .object({
    q: z.string().trim().max(200, "q is at most 200 characters").optional(),
    region_id: z
      .string({ error: "region_id is required" })
      .trim()
      .min(1, "region_id is required")
      .max(100),
    size: z
      .string()
      .trim()
      .min(1)
      .max(20, "size is at most 20 characters")
      .optional(),
    min_price: money.optional(),
    max_price: money.optional(),
    colour: list("colour"),
    article_type: list("article_type"),
    gender: list("gender"),
    usage: list("usage"),
    brand: list("brand"),
    // a parent category is sent as all its descendants
    category_id: list("category_id", 200),
    sort: z
      .enum(["relevance", "price_asc", "price_desc", "newest"], {
        error: "sort must be one of relevance, price_asc, price_desc, newest",
      })
      .default("relevance"),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be an integer")
      .min(1, "limit must be 1–100")
      .max(100, "limit must be 1–100")
      .default(24),
    offset: z.coerce
      .number({ error: "offset must be a number" })
      .int("offset must be an integer")
      .min(0, "offset must be ≥ 0")
      .max(10_000, "offset must be ≤ 10000")
      .default(0),
  })
  .strict()
  .refine(
    (v) =>
      v.min_price == null || v.max_price == null || v.min_price <= v.max_price,
    { message: "min_price must not exceed max_price", path: ["min_price"] }
  )

export type StoreSearchParamsType = z.infer<typeof StoreSearchParams>

export const StoreSearchSuggestParams = z
  .object({
    q: z
      .string({ error: "q is required" })
      .trim()
      .min(1, "q is required")
      .max(100, "q is at most 100 characters"),
    region_id: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int()
      .min(1, "limit must be 1–20")
      .max(20, "limit must be 1–20")
      .default(6),
  })
  .strict()

export type StoreSearchSuggestParamsType = z.infer<
  typeof StoreSearchSuggestParams
>
