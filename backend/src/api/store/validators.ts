import { z } from "@medusajs/framework/zod"

export const StoreAvailabilityParams = z.object({
  region_id: z
    .string({ error: "region_id is required" })
    .min(1, "region_id is required"),
})
export type StoreAvailabilityParamsType = z.infer<
  typeof StoreAvailabilityParams
>
