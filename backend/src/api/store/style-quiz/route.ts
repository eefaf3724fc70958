import type {
  MedusaResponse,
  MedusaStoreRequest,
} from "@medusajs/framework/http"
import { regionOrNotFound } from "../../../lib/style-profile/buyable"
import { quizLooks } from "../../../lib/style-profile/quiz-looks"
import type { StoreStyleQuizParamsType } from "./validators"

/** GET /store/style-quiz — the looks to pick from in the onboarding quiz (public, same for everyone with the same filters). */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreStyleQuizParamsType>,
  res: MedusaResponse
) => {
  const { region_id, gender, limit } =
    req.validatedQuery as StoreStyleQuizParamsType
  if (region_id) await regionOrNotFound(req.scope, region_id) // 404 naming an unknown region
  const looks = await quizLooks(req.scope, {
    salesChannelIds: req.publishable_key_context?.sales_channel_ids ?? [],
    regionId: region_id,
    gender,
    limit,
  })
  res.json({ looks })
}
