import { z } from "@medusajs/framework/zod"

export const AdminReportQueueParams = z.object({
  order: z.enum(["newest", "most_reported"]).default("newest"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export const AdminModeratePost = z
  .object({
    action: z.enum(["hide", "restore", "approve", "delete"]),
    note: z.string().max(500).optional(),
  })
  .strict()
export const AdminModerateCustomer = z
  .object({
    action: z.enum(["warn", "ban", "unban"]),
    note: z.string().max(500).optional(),
  })
  .strict()
export const AdminAuditParams = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export const AdminModerateComment = z
  .object({
    action: z.enum(["hide", "restore", "delete"]),
    note: z.string().max(500).optional(),
  })
  .strict()
export const AdminPendingParams = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export const AdminSocialSettings = z
  .object({ premoderation: z.boolean() })
  .strict()
export const AdminSocialOverviewParams = z.object({
  days: z.coerce.number().int().min(1).max(90).default(14),
})
