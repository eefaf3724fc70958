import type { ActionFunctionArgs } from "@remix-run/node"
import { redirect } from "@remix-run/node"
import { z } from "zod"
import { getOrCreateCart } from "~/lib/data/cart.server"
import {
  addLookToCart,
  getLookbook,
  type AddLookItemResult,
} from "~/lib/data/lookbooks.server"
import { getRegion } from "~/lib/data/regions.server"
import { commitSession, getSession } from "~/lib/session.server"
// the one limit, shared with the backend's validator
import { MAX_LOOK_ITEMS } from "../../../backend/src/shared/look-limits"

const FormSchema = z.object({
  lookbook_id: z.string().regex(/^lkbk_\w+$/, "Unknown lookbook"),
  look_id: z.string().regex(/^look_\w+$/, "Unknown look"),
  handle: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Unknown lookbook"),
  // Set by the form once hydrated: answer JSON for the fetcher instead of redirecting.
  response: z.enum(["json"]).optional(),
  // One `item.<product_id>` field per product; "" means "skip".
  items: z
    .array(
      z.object({
        product_id: z.string().regex(/^prod_\w+$/),
        variant_id: z.string().regex(/^variant_\w+$/, "Choose a size"),
      })
    )
    .min(1, "Choose a size for at least one piece")
    .max(MAX_LOOK_ITEMS, `Choose at most ${MAX_LOOK_ITEMS} pieces`),
})

function parseForm(form: FormData) {
  const fields: Record<string, unknown> = {}
  const items: { product_id: string; variant_id: string }[] = []
  for (const [key, value] of form) {
    if (typeof value !== "string") continue
    if (key.startsWith("item.")) {
      if (value) items.push({ product_id: key.slice(5), variant_id: value })
    } else fields[key] = value
  }
  return FormSchema.safeParse({ ...fields, items })
}

/** A message a shopper understands, naming the size and piece. */
function describe(
  item: AddLookItemResult,
  names: Map<string, { title: string; size: string }>,
  regionName: string
) {
  const v = names.get(item.variant_id)
  const piece = v ? ` (${v.title})` : ""
  switch (item.reason) {
    case "out_of_stock":
      return `Size ${v?.size ?? "?"} is out of stock in your region, ${regionName}${piece}`
    case "not_priced_in_region":
      return `Size ${v?.size ?? "?"} is not sold in your region, ${regionName}${piece}`
    case "not_in_look":
      return `That piece is no longer part of this look${piece}`
    case "variant_not_of_product":
      return `That size does not belong to the piece${piece}`
    default:
      return item.message ?? `Could not add this piece${piece}`
  }
}

/**
 * Adds the chosen sizes of a look in one go (all or nothing, enforced by the backend).
 * Success → /cart. Failure → JSON for the fetcher, or a flash + redirect back without JavaScript.
 */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData())
  if (!parsed.success) {
    const errors = parsed.error.flatten().fieldErrors
    return Response.json(
      { ok: false, messages: Object.values(errors).flat(), errors },
      { status: 400 }
    )
  }
  const input = parsed.data
  const { region } = await getRegion(request)
  const { cart, setCookie } = await getOrCreateCart(request, region.id)
  const headers = new Headers()
  if (setCookie) headers.append("Set-Cookie", setCookie)

  const result = await addLookToCart(
    input.lookbook_id,
    input.look_id,
    cart.id,
    input.items
  )
  if (result.ok) return redirect("/cart", { headers })

  let messages = [result.message]
  if (result.items.some((i) => !i.ok)) {
    const lookbook = await getLookbook(input.lookbook_id, region.id).catch(
      () => null
    )
    const names = new Map<string, { title: string; size: string }>()
    for (const look of lookbook?.looks ?? [])
      for (const h of look.hotspots)
        for (const v of h.product.variants)
          names.set(v.id, { title: h.product.title, size: v.size ?? v.title })
    messages = result.items
      .filter((i) => !i.ok)
      .map((i) => describe(i, names, region.name))
    messages.push("Nothing was added: your cart is unchanged.")
  }
  const status = result.status === 409 ? 409 : result.status >= 500 ? 502 : 400

  if (input.response === "json") {
    return Response.json(
      { ok: false, look_id: input.look_id, messages, items: result.items },
      { status, headers }
    )
  }
  const session = await getSession(request)
  session.flash("lookbook_flash", {
    look_id: input.look_id,
    ok: false,
    messages,
  })
  headers.append("Set-Cookie", await commitSession(session))
  return redirect(`/lookbooks/${input.handle}#look-${input.look_id}`, {
    headers,
  })
}

export async function loader() {
  return redirect("/lookbooks")
}
