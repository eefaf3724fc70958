import { createCookie } from "@remix-run/node"
import { env } from "./env.server"

const common = {
  path: "/",
  httpOnly: true,
  sameSite: "lax" as const,
  // Secure everywhere but development/test; COOKIE_SECURE=false for plain-http runs (scripts/test.mjs)
  secure: env.cookieSecure,
}

/** The shopper's chosen region id. */
export const regionCookie = createCookie("region_id", {
  ...common,
  maxAge: 60 * 60 * 24 * 365,
})
/** The open cart id. */
export const cartCookie = createCookie("cart_id", {
  ...common,
  maxAge: 60 * 60 * 24 * 30,
})

export async function readCookie(
  cookie: typeof regionCookie,
  request: Request
): Promise<string | null> {
  const value = await cookie.parse(request.headers.get("Cookie"))
  return typeof value === "string" && value.length > 0 ? value : null
}
