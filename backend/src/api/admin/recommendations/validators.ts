import { z } from "@medusajs/framework/zod"

export const AdminRecommendationsPreview = z
  .object({
    customer_id: z
      .string({ error: "customer_id is required" })
      .min(1, "customer_id is required"),
    region_id: z
      .string({ error: "region_id is required" })
      .min(1, "region_id is required"),
    kind: z.enum(["product", "outfit"]).default("product"),
    limit: z.coerce.number().int().min(1).max(50).default(12),
  })
  .strict()
export type AdminRecommendationsPreviewType = z.infer<
  typeof AdminRecommendationsPreview
>

export const AdminCreateRecommendationRule = z
  .object({
    action: z.enum(["boost", "exclude"]),
    target: z.enum(["collection", "category", "tag"]),
    target_id: z.string().min(1),
    weight: z.number().min(-5).max(5).optional(),
    note: z.string().max(200).nullable().optional(),
  })
  .strict()
export type AdminCreateRecommendationRuleType = z.infer<
  typeof AdminCreateRecommendationRule
>
