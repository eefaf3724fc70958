import type { ActionFunctionArgs } from "@remix-run/node"
import { redirect } from "@remix-run/node"
import { z } from "zod"
import {
  addLine,
  getCart,
  getOrCreateCart,
  removeLine,
  updateLine,
} from "~/lib/data/cart.server"
import { getRegion } from "~/lib/data/regions.server"

const quantity = z.coerce
  .number({ invalid_type_error: "Enter a quantity" })
  .int("Enter a whole number")

const FormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    variant_id: z
      .string({ required_error: "Choose a size" })
      .regex(/^variant_\w+$/, "Choose a size"),
    quantity: quantity.min(1, "At least 1").max(10, "At most 10"),
  }),
  z.object({
    intent: z.literal("update"),
    line_id: z.string().min(1),
    quantity: quantity.min(0, "At least 0").max(10, "At most 10"),
  }),
  z.object({ intent: z.literal("remove"), line_id: z.string().min(1) }),
])

/** Add, update or remove cart lines. Success redirects to /cart; invalid input is a 400 with field errors. */
export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData())
  const parsed = FormSchema.safeParse({ intent: "add", ...form })
  if (!parsed.success)
    return Response.json(
      { errors: parsed.error.flatten().fieldErrors },
      { status: 400 }
    )
  const input = parsed.data

  if (input.intent === "add") {
    const { region } = await getRegion(request)
    const { cart, setCookie } = await getOrCreateCart(request, region.id)
    try {
      await addLine(cart.id, input.variant_id, input.quantity)
    } catch (e) {
      const message = e instanceof Error ? e.message : "Could not add to cart"
      return Response.json(
        { errors: { form: [message] } },
        { status: 400, headers: setCookie ? { "Set-Cookie": setCookie } : {} }
      )
    }
    return redirect("/cart", {
      headers: setCookie ? { "Set-Cookie": setCookie } : {},
    })
  }

  const cart = await getCart(request)
  if (!cart) return redirect("/cart")
  if (!cart.items?.some((i) => i.id === input.line_id)) {
    return Response.json(
      { errors: { line_id: ["This line is no longer in your cart"] } },
      { status: 400 }
    )
  }
  try {
    if (input.intent === "remove" || input.quantity === 0)
      await removeLine(cart.id, input.line_id)
    else await updateLine(cart.id, input.line_id, input.quantity)
  } catch (e) {
    return Response.json(
      {
        errors: {
          quantity: [
            e instanceof Error ? e.message : "Could not update the cart",
          ],
        },
      },
      { status: 400 }
    )
  }
  return redirect("/cart")
}

export async function loader() {
  return redirect("/cart")
}
