import { redirect, type ActionFunctionArgs } from "@remix-run/node"
import { sessionStorage, getSession } from "~/lib/session.server"

/** POST only: a GET link could log shoppers out from another site. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request)
  return redirect("/", {
    headers: { "Set-Cookie": await sessionStorage.destroySession(session) },
  })
}

export async function loader() {
  return redirect("/account")
}
