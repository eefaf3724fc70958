import { z } from "@medusajs/framework/zod"

const handle = z
  .string()
  .trim()
  .min(3)
  .max(30)
  .regex(/^[A-Za-z0-9_.]+$/, "a handle has letters, digits, _ and . only")

export const StoreSocialProfile = z
  .object({
    handle,
    display_name: z.string().trim().min(1).max(60),
    bio: z.string().max(300).nullish(),
    avatar_url: z.string().url().max(2000).nullish(),
  })
  .strict()
export type StoreSocialProfileType = z.infer<typeof StoreSocialProfile>

export const StoreFeedParams = z.object({
  mode: z.enum(["following", "trending", "for_you"]).default("trending"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  region_id: z.string().optional(),
})
export type StoreFeedParamsType = z.infer<typeof StoreFeedParams>

export const StoreRegionParams = z.object({ region_id: z.string().optional() })

export const PostTag = z
  .object({
    image: z.number().int().min(0).max(5),
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    product_id: z.string().min(1).max(100),
    variant_id: z.string().min(1).max(100).nullish(),
  })
  .strict()

/** The multipart text fields of a new post (the photos come through multer). */
export const StoreCreatePostFields = z.object({
  caption: z.string().max(2200).default(""),
  visibility: z.enum(["public", "followers"]).default("public"),
  occasion: z.string().max(60).nullish(),
  season: z.string().max(30).nullish(),
  tags: z
    .string()
    .default("[]")
    .transform((s, ctx) => {
      try {
        return JSON.parse(s)
      } catch {
        ctx.addIssue({ code: "custom", message: "tags must be a JSON array" })
        return z.NEVER
      }
    })
    .pipe(z.array(PostTag).max(60)),
})

export const StoreUpdatePost = z
  .object({
    caption: z.string().max(2200).optional(),
    visibility: z.enum(["public", "followers"]).optional(),
    occasion: z.string().max(60).nullish(),
    season: z.string().max(30).nullish(),
  })
  .strict()
export type StoreUpdatePostType = z.infer<typeof StoreUpdatePost>

export const StoreComment = z
  .object({
    text: z.string().trim().min(1).max(1000),
    parent_id: z.string().nullish(),
  })
  .strict()
export type StoreCommentType = z.infer<typeof StoreComment>
export const StoreEditComment = z
  .object({ text: z.string().trim().min(1).max(1000) })
  .strict()

export const StoreReport = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
export type StoreReportType = z.infer<typeof StoreReport>

export const StoreReadNotifications = z
  .object({ ids: z.array(z.string()).max(500).optional() })
  .strict()

export const StoreListParams = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export const StoreAddTags = z
  .object({ tags: z.array(PostTag).min(1).max(60) })
  .strict()
export type StoreAddTagsType = z.infer<typeof StoreAddTags>

export const StoreTagSuggestionsParams = z.object({
  limit: z.coerce.number().int().min(1).max(12).default(6),
  region_id: z.string().optional(),
})
