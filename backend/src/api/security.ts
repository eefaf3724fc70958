import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
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

/**
 * A token or session outlives the sign-in it was issued for: Medusa checks a
 * JWT's signature and expiry, not whether its auth identity still exists. When
 * an identity is deleted (a password removed when a Google sign-in took the
 * account over, a deleted admin user), what it issued must stop working at
 * once. This strips such a credential before any route sees it, so protected
 * routes answer 401 and public ones answer as to a guest. The cost: one lookup
 * by primary key per signed-in request (nothing is cached, so a removal holds
 * on every instance from the moment it commits).
 */
export async function dropRevokedSignIns(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const session = (req as any).session
    const fromSession: string | undefined =
      session?.auth_context?.auth_identity_id
    const id = fromSession ?? bearerIdentity(req)
    if (!id) return next()
    const [identity] = await req.scope
      .resolve(Modules.AUTH)
      .listAuthIdentities({ id: [id] }, { select: ["id"] })
    if (!identity) {
      if (fromSession) delete session.auth_context
      else delete req.headers.authorization
    }
    next()
  } catch (e) {
    next(e)
  }
}
/** The auth identity a valid bearer token names (an invalid token is left to Medusa's own 401). */
function bearerIdentity(req: MedusaRequest): string | undefined {
  const header = req.headers.authorization
  if (!header || !/^bearer /i.test(header)) return undefined
  const { http } = req.scope.resolve(
    ContainerRegistrationKeys.CONFIG_MODULE
  ).projectConfig
  const context = getAuthContextFromJwtToken(
    header,
    http.jwtSecret as string,
    ["bearer"],
    ["*"],
    http.jwtPublicKey,
    (http as any).jwtVerifyOptions ?? http.jwtOptions
  )
  return context?.auth_identity_id || undefined
}
