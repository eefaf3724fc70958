import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { addPostTagsWorkflow } from "../../../../../../workflows/social/add-post-tags"
import { presentPosts } from "../../../../../../lib/social/present"
import { ownPost, socialOf, viewerOf, writerProfile } from "../../../helpers"
import type { StoreAddTagsType } from "../../../validators"

/** POST /store/feed/posts/:id/tags `{ tags: [{ image, x, y, product_id, variant_id? }] }` — the author adds tags (≤ 10 a photo). */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreAddTagsType>,
  res: MedusaResponse
) => {
  await writerProfile(req)
  const post = await ownPost(req, req.params.id)
  const images = (await socialOf(req).listSocialPostImages({
    post_id: post.id,
  })) as any[]
  await addPostTagsWorkflow(req.scope).run({
    input: {
      post_id: post.id,
      image_count: images.length,
      tags: req.validatedBody.tags,
    },
  })
  const [out] = await presentPosts(req.scope, [post.id], await viewerOf(req))
  res.status(201).json({ post: out })
}
