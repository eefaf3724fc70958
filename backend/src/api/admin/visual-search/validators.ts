import { z } from "@medusajs/framework/zod"

export const AdminReindex = z
  .object({ product_ids: z.array(z.string().min(1)).max(10000).optional() })
  .strict()
export type AdminReindexType = z.infer<typeof AdminReindex>
