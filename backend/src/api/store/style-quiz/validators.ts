import { z } from "@medusajs/framework/zod"
import { GENDERS } from "../../../lib/style-vocabulary"
import { fromList } from "../customers/me/style-profile/validators"

export const StoreStyleQuizParams = z.object({
  region_id: z.string().min(1).optional(),
  gender: fromList("gender", GENDERS).optional(),
  limit: z.coerce.number().int().min(4).max(24).default(12),
})
export type StoreStyleQuizParamsType = z.infer<typeof StoreStyleQuizParams>
