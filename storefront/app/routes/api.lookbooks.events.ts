import type { ActionFunctionArgs } from "@remix-run/node"
import { z } from "zod"
import { recordLookbookEvent } from "~/lib/data/lookbooks.server"

const FormSchema = z.object({
  lookbook_id: z.string().regex(/^lkbk_\w+$/),
  look_id: z.string().regex(/^look_\w+$/),
  product_id: z.string().regex(/^prod_\w+$/),
})

/** POST from the lookbook page when a hotspot opens in place (with JS). Always fast; analytics never fail a shopper. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = FormSchema.safeParse(
    Object.fromEntries(await request.formData())
  )
  if (!parsed.success)
    return Response.json(
      { errors: parsed.error.flatten().fieldErrors },
      { status: 400 }
    )
  const { lookbook_id, look_id, product_id } = parsed.data
  recordLookbookEvent(lookbook_id, {
    type: "hotspot_opened",
    look_id,
    product_id,
  })
  return new Response(null, { status: 204 })
}
