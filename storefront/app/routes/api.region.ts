import type { ActionFunctionArgs } from "@remix-run/node"
import { redirect } from "@remix-run/node"
import { z } from "zod"
import { regionCookie } from "~/lib/cookies.server"
import { getCart, updateCartRegion } from "~/lib/data/cart.server"
import { listRegions } from "~/lib/data/regions.server"

const FormSchema = z.object({
  region_id: z.string().min(1, "Choose a region"),
  redirect_to: z.string().optional(),
})

/** Only same-site paths, so the form cannot be used as an open redirect. */
function safePath(path: string | undefined) {
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/"
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = FormSchema.safeParse(
    Object.fromEntries(await request.formData())
  )
  if (!parsed.success)
    return Response.json(
      { errors: parsed.error.flatten().fieldErrors },
      { status: 400 }
    )
  const regions = await listRegions()
  if (!regions.some((r) => r.id === parsed.data.region_id)) {
    return Response.json(
      { errors: { region_id: ["Unknown region"] } },
      { status: 400 }
    )
  }
  // Keep the open cart in step: Medusa re-prices it in the new region's currency.
  const cart = await getCart(request)
  if (cart && cart.region_id !== parsed.data.region_id)
    await updateCartRegion(cart.id, parsed.data.region_id)
  return redirect(safePath(parsed.data.redirect_to), {
    headers: {
      "Set-Cookie": await regionCookie.serialize(parsed.data.region_id),
    },
  })
}

export async function loader() {
  return redirect("/")
}
