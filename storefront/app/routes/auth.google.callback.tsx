import { redirect, type LoaderFunctionArgs } from "@remix-run/node"
import { cartCookie, readCookie } from "~/lib/cookies.server"
import { transferCart } from "~/lib/data/customers.server"
import {
  finishGoogleLogin,
  GoogleAuthError,
} from "~/lib/data/google-auth.server"
import { commitSession, getSession } from "~/lib/session.server"

/**
 * GET /auth/google/callback — where Google sends the shopper back. The state
 * must be the one this browser started with (else someone could complete
 * *their* sign-in in the shopper's browser: login CSRF); Medusa checks it again.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const code = url.searchParams.get("code") ?? ""
  const state = url.searchParams.get("state") ?? ""
  const session = await getSession(request)
  const expected = session.get("google_state")
  if (!code || !state || !expected || state !== expected) {
    throw new Response(
      "This Google sign-in was not started here or has expired. Please start again from the login page.",
      { status: 400 }
    )
  }
  session.unset("google_state")
  let result: Awaited<ReturnType<typeof finishGoogleLogin>>
  try {
    result = await finishGoogleLogin({ code, state })
  } catch (e) {
    throw new Response(
      e instanceof GoogleAuthError
        ? e.message
        : "Google sign-in could not be completed",
      { status: 401 }
    )
  }
  const cartId = await readCookie(cartCookie, request)
  if (cartId) await transferCart(cartId, result.token)
  session.set("customer_token", result.token)
  // shown once on the account page (flash): the password was never proof of the email
  if (result.passwordRemoved)
    session.flash("account_notice", "password_removed")
  // a shopper new to the store goes to the style quiz, as after registering
  return redirect(result.created ? "/account/style-quiz" : "/account", {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}
