import { z } from "@medusajs/framework/zod"

const handle = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "handle must be lowercase words joined by dashes"
  )
const date = z.coerce.date({ error: "must be a date" }).nullable().optional()
const url = z.string().trim().min(1).max(2000)

export const AdminCreateLookbook = z
  .object({
    title: z.string().trim().min(1, "title is required").max(200),
    handle: handle.optional(),
    description: z.string().max(5000).nullable().optional(),
    cover_image: url.nullable().optional(),
    status: z.enum(["draft", "published"]).default("draft"),
    publish_at: date,
    unpublish_at: date,
    sales_channel_ids: z.array(z.string().min(1)).max(50).default([]),
  })
  .strict()
  .refine(
    (v) => !v.publish_at || !v.unpublish_at || v.publish_at < v.unpublish_at,
    {
      message: "publish_at must be before unpublish_at",
      path: ["unpublish_at"],
    }
  )

export const AdminUpdateLookbook = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    handle: handle.optional(),
    description: z.string().max(5000).nullable().optional(),
    cover_image: url.nullable().optional(),
    status: z.enum(["draft", "published"]).optional(),
    publish_at: date,
    unpublish_at: date,
    sales_channel_ids: z.array(z.string().min(1)).max(50).optional(),
  })
  .strict()

const fraction = z
  .number({ error: "must be a number between 0 and 1" })
  .min(0, "must be between 0 and 1")
  .max(1, "must be between 0 and 1")
export const AdminHotspot = z
  .object({
    x: fraction,
    y: fraction,
    product_id: z.string().min(1),
    variant_id: z.string().min(1).nullable().optional(),
    label: z.string().max(120).nullable().optional(),
  })
  .strict()

export const AdminSaveLook = z
  .object({
    title: z.string().trim().min(1, "title is required").max(200),
    image_url: url,
    hotspots: z.array(AdminHotspot).max(30).default([]),
  })
  .strict()

export const AdminUpdateLook = AdminSaveLook.partial().strict()
export const AdminReorderLooks = z
  .object({ look_ids: z.array(z.string().min(1)).min(1).max(200) })
  .strict()

export type AdminCreateLookbookType = z.infer<typeof AdminCreateLookbook>
export type AdminUpdateLookbookType = z.infer<typeof AdminUpdateLookbook>
export type AdminSaveLookType = z.infer<typeof AdminSaveLook>
export type AdminUpdateLookType = z.infer<typeof AdminUpdateLook>
export type AdminReorderLooksType = z.infer<typeof AdminReorderLooks>
