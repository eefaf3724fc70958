import { createCookieSessionStorage, type Session } from "@remix-run/node"
import { env } from "./env.server"

/** google_state: the OAuth state this browser started Sign in with Google with; the callback must bring it back. */
type SessionData = { customer_token: string; google_state: string }
type FlashData = {
  lookbook_flash: LookFlash
  account_notice: "password_removed"
}

/** What the add-look action leaves for the lookbook page when the form was posted without JavaScript. */
export type LookFlash = { look_id: string; ok: boolean; messages: string[] }

/**
 * Signed, httpOnly cookie session. It holds the customer's JWT: the server-side
 * js-sdk instance is shared by all shoppers, so the token must never live in it.
 */
export const sessionStorage = createCookieSessionStorage<
  SessionData,
  FlashData
>({
  cookie: {
    name: "__session",
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    // Secure everywhere but development/test unless COOKIE_SECURE says otherwise (env.server.ts)
    secure: env.cookieSecure,
    // a dev default only in development/test: env.server.ts refuses it elsewhere
    secrets: [env.SESSION_SECRET],
    maxAge: 60 * 60 * 24 * 7,
  },
})

export function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"))
}

export function commitSession(session: Session<SessionData, FlashData>) {
  return sessionStorage.commitSession(session)
}

/** The customer's bearer token, or null when logged out. */
export async function getCustomerToken(request: Request) {
  return (await getSession(request)).get("customer_token") ?? null
}
