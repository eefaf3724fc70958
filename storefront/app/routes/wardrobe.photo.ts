import type { LoaderFunctionArgs } from "@remix-run/node"
import { privateImage } from "~/lib/data/wardrobe.server"
import { getCustomerToken } from "~/lib/session.server"

/** GET /wardrobe/photo?src=… — the shopper's private wardrobe photo or collage, proxied with their token. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await getCustomerToken(request)
  const src = new URL(request.url).searchParams.get("src") ?? ""
  const res = token ? await privateImage(token, src) : null
  if (!res) return new Response("Not found", { status: 404 })
  if (res.status === 302 && res.headers.get("location"))
    return new Response(null, {
      status: 302,
      headers: { location: res.headers.get("location")! },
    })
  if (!res.ok) return new Response("Not found", { status: 404 })
  return new Response(res.body, {
    headers: {
      "content-type": res.headers.get("content-type") ?? "image/jpeg",
      "cache-control": "private, max-age=3600",
    },
  })
}
