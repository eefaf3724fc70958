import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createSocialPostWorkflow } from "../../../../workflows/social/create-post"
import { normalizePostPhotos } from "../../../social-upload"
import { presentPosts } from "../../../../lib/social/present"
import { viewerOf, writerProfile } from "../helpers"
import { StoreCreatePostFields } from "../validators"

/** POST /store/feed/posts — multipart: `images` (1–6), `caption`, `visibility`, `tags` (JSON string). */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const parsed = StoreCreatePostFields.safeParse(req.body ?? {})
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      parsed.error.issues
        .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
        .join("; ")
    )
  }
  const photos = await normalizePostPhotos((req as any).files)
  const { result } = await createSocialPostWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, ...parsed.data, photos },
  })
  const [post] = await presentPosts(req.scope, [result.id], await viewerOf(req))
  res.status(201).json({ post })
}
