import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { nestedDeeperThan, setSecurityHeaders } from "../lib/http-security"

export const MAX_JSON_DEPTH = 32

/** Security headers on every API answer; X-Powered-By is dropped for good on the first request. */
export function securityHeaders(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  req.app?.disable?.("x-powered-by")
  setSecurityHeaders(res, req.path)
  next()
}

/**
 * Runs after body parsing and before every validator: zod (and Medusa's own
 * routes) recurse over the body, and 5,000 levels overflow the stack → 500.
 */
export function jsonDepthLimit(max = MAX_JSON_DEPTH) {
  return (
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    if (nestedDeeperThan(req.body, max)) {
      res.status(400).json({
        type: "invalid_data",
        message: `JSON nested deeper than ${max} levels`,
      })
      return
    }
    next()
  }
}
