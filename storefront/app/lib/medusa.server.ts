import Medusa from "@medusajs/js-sdk"
import { env } from "./env.server"
import { shopperHeadersObject } from "./shopper.server"

/** The single js-sdk instance. Server-only: the storefront never calls Medusa from the browser. */
export const sdk = new Medusa({
  baseUrl: env.MEDUSA_BACKEND_URL,
  publishableKey: env.MEDUSA_PUBLISHABLE_KEY,
  debug: false,
  // the shopper's signed address on every call, for the backend's per-client limits
  globalHeaders: shopperHeadersObject,
  auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
})
