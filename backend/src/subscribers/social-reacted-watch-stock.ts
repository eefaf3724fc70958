import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { watchPostProducts } from "../lib/social/back-in-stock"
import {
  SOCIAL_POST_REACTED,
  type SocialPostReacted,
} from "../lib/social/events"

/**
 * A shopper liked or saved a post: the tagged products they cannot buy in
 * their size now are watched, so that `back_in_stock` can tell them when they
 * can (off the request: asking the buyability rule takes a moment).
 */
export default async function socialReactedWatchStock({
  event,
  container,
}: SubscriberArgs<SocialPostReacted>) {
  try {
    await watchPostProducts(
      container,
      event.data.customer_id,
      event.data.post_id
    )
  } catch (e: any) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `[social] could not watch the products of post ${event.data.post_id}: ${e?.message ?? e}`
      )
  }
}

export const config: SubscriberConfig = { event: SOCIAL_POST_REACTED }
