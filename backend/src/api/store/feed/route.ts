import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decodeCursor } from "../../../modules/social/service"
import { presentPosts } from "../../../lib/social/present"
import { socialOf, viewerOf } from "./helpers"
import { Timings } from "../../../lib/timings"
import type { StoreFeedParamsType } from "./validators"

/** GET /store/feed?mode=following|trending|for_you&cursor= — one page of posts and the cursor of the next. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as unknown as StoreFeedParamsType
  const timings = new Timings()
  const viewer = await viewerOf(req)
  const page = await timings.time("feed", () =>
    socialOf(req).feedPage(
      q.mode,
      viewer.customer_id,
      decodeCursor(q.cursor),
      q.limit
    )
  )
  const posts = await presentPosts(req.scope, page.ids, viewer, timings)
  timings.send(res)
  res.json({ posts, next_cursor: page.next_cursor })
}
