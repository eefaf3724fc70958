import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** A shopper liked or saved a post (the back-in-stock watch starts from it). */
export const SOCIAL_POST_REACTED = "social.post.reacted"

export type SocialPostReacted = {
  customer_id: string
  post_id: string
  kind: "like" | "save"
}

/** Emits `social.post.reacted`; the subscriber does the slower work off the shopper's request. */
export async function emitReacted(
  container: MedusaContainer,
  data: SocialPostReacted
) {
  await container
    .resolve(Modules.EVENT_BUS)
    .emit({ name: SOCIAL_POST_REACTED, data })
}
