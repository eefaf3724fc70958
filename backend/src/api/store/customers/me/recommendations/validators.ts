import { z } from "@medusajs/framework/zod"
import { STYLES } from "../../../../../lib/style-vocabulary"

const regionId = z
  .string({ error: "region_id is required" })
  .min(1, "region_id is required")
const kind = z.enum(["product", "outfit"])
const limit = z.coerce.number().int().min(1).max(50)

export const StoreRecommendationsParams = z
  .object({
    region_id: regionId,
    kind: kind.default("product"),
    limit: limit.default(12),
  })
  .strict()
export type StoreRecommendationsParamsType = z.infer<
  typeof StoreRecommendationsParams
>

export const StoreGenerateRecommendations = z
  .object({
    region_id: regionId,
    kind: kind.default("product"),
    occasion: z.enum(STYLES).optional(),
    season: z.enum(["Summer", "Winter", "Spring", "Fall"]).optional(),
    anchor: z
      .union([
        z.object({ product_id: z.string().min(1) }).strict(),
        z.object({ wardrobe_item_id: z.string().min(1) }).strict(),
      ])
      .optional(),
    limit: limit.default(12),
    /** outfits made of the shopper's own clothes plus one new piece */
    mostly_owned: z.boolean().optional(),
    /** pieces: also ones of the same type and colour as something the shopper owns */
    include_owned_similar: z.boolean().optional(),
  })
  .strict()
export type StoreGenerateRecommendationsType = z.infer<
  typeof StoreGenerateRecommendations
>

export const StoreRecommendationFeedback = z
  .object({
    rating: z.enum(["like", "dislike"]),
    reason: z
      .enum(["not_my_style", "too_expensive", "wrong_size", "own_similar"])
      .optional(),
  })
  .strict()
export type StoreRecommendationFeedbackType = z.infer<
  typeof StoreRecommendationFeedback
>

export const StoreRecommendationSignals = z
  .object({
    signals: z
      .array(
        z
          .object({
            product_id: z.string().min(1).max(100),
            kind: z.enum(["view", "cart", "like", "dislike", "look"]),
          })
          .strict()
      )
      .min(1)
      .max(100),
  })
  .strict()
export type StoreRecommendationSignalsType = z.infer<
  typeof StoreRecommendationSignals
>

export const StoreCompleteTheLookParams = z
  .object({
    region_id: regionId,
    size: z.string().min(1).max(10).optional(),
    limit: limit.default(3),
  })
  .strict()
export type StoreCompleteTheLookParamsType = z.infer<
  typeof StoreCompleteTheLookParams
>

export const StoreBoughtTogetherParams = z
  .object({ region_id: regionId, limit: limit.default(6) })
  .strict()
export type StoreBoughtTogetherParamsType = z.infer<
  typeof StoreBoughtTogetherParams
>
