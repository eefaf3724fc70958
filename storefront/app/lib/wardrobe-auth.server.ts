import { redirect } from "@remix-run/node"
import { getCustomerToken } from "./session.server"

/** The shopper's token, or a redirect to log in (and back). */
export async function requireShopper(request: Request) {
  const token = await getCustomerToken(request)
  if (!token) {
    const url = new URL(request.url)
    throw redirect(
      `/account/login?redirect_to=${encodeURIComponent(url.pathname + url.search)}`
    )
  }
  return token
}

/** A backend answer that means the session is gone sends the shopper to log in. */
export function loginIfExpired(status: number) {
  if (status === 401) throw redirect("/account/login")
}
