import { redirect, type ActionFunctionArgs } from "@remix-run/node"
import { env } from "~/lib/env.server"
import {
  GoogleAuthError,
  startGoogleLogin,
} from "~/lib/data/google-auth.server"
import { commitSession, getSession } from "~/lib/session.server"

/** POST /auth/google — starts Sign in with Google; the state is remembered in this browser's session. */
export async function action({ request }: ActionFunctionArgs) {
  if (!env.GOOGLE_AUTH_ENABLED)
    throw new Response("Sign in with Google is not enabled", { status: 404 })
  try {
    const { location, state } = await startGoogleLogin()
    const session = await getSession(request)
    session.set("google_state", state)
    return redirect(location, {
      headers: { "Set-Cookie": await commitSession(session) },
    })
  } catch (e) {
    throw new Response(
      e instanceof GoogleAuthError
        ? e.message
        : "Sign in with Google is not available right now",
      { status: 503 }
    )
  }
}

export async function loader() {
  throw redirect("/account/login")
}
