import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node"
import { data, redirect } from "@remix-run/node"
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react"
import { z } from "zod"
import { Price } from "~/components/Price"
import { cartCookie } from "~/lib/cookies.server"
import {
  getCart,
  lineTotal,
  listShippingOptions,
  placeOrder,
  setShippingMethod,
  updateCartContact,
} from "~/lib/data/cart.server"

export const meta: MetaFunction = () => [{ title: "Checkout — CuratorAI" }]

const countryName = new Intl.DisplayNames(["en"], { type: "region" })

export async function loader({ request }: LoaderFunctionArgs) {
  const cart = await getCart(request)
  if (!cart || !cart.items?.length) throw redirect("/cart")
  const countries = (cart.region?.countries ?? [])
    .map((c) => c.iso_2 ?? "")
    .filter(Boolean)
    .map((code) => ({
      code,
      name: countryName.of(code.toUpperCase()) ?? code.toUpperCase(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
  const hasAddress = !!cart.email && !!cart.shipping_address?.country_code
  const shippingOptions = hasAddress
    ? (await listShippingOptions(cart.id).catch(() => [])).map((o) => ({
        id: o.id,
        name: o.name,
        amount: o.amount ?? null,
      }))
    : []
  const a = cart.shipping_address
  return {
    cart: {
      currency_code: cart.currency_code,
      email: cart.email ?? "",
      address: {
        first_name: a?.first_name ?? "",
        last_name: a?.last_name ?? "",
        address_1: a?.address_1 ?? "",
        city: a?.city ?? "",
        postal_code: a?.postal_code ?? "",
        country_code: a?.country_code ?? "",
      },
      shippingMethodId: cart.shipping_methods?.[0]?.shipping_option_id ?? null,
      lines: (cart.items ?? []).map((i) => ({
        id: i.id,
        title: i.product_title ?? i.title,
        size: i.variant_title,
        quantity: i.quantity,
        total: lineTotal(i),
      })),
      shipping_total: cart.shipping_total,
      total: cart.total,
    },
    countries,
    hasAddress,
    shippingOptions,
  }
}

const text = (label: string) =>
  z
    .string({ required_error: `Enter your ${label}` })
    .trim()
    .min(1, `Enter your ${label}`)
    .max(200)
const ContactSchema = z.object({
  email: z
    .string({ required_error: "Enter your email" })
    .trim()
    .email("Enter a valid email"),
  first_name: text("first name"),
  last_name: text("last name"),
  address_1: text("address"),
  city: text("city"),
  postal_code: text("postal code"),
  country_code: z
    .string({ required_error: "Choose a country" })
    .length(2, "Choose a country"),
})

export async function action({ request }: ActionFunctionArgs) {
  const cart = await getCart(request)
  if (!cart) throw redirect("/cart")
  const form = Object.fromEntries(await request.formData())

  switch (form.intent) {
    case "contact": {
      const parsed = ContactSchema.safeParse(form)
      const allowed = (cart.region?.countries ?? []).map((c) => c.iso_2)
      if (!parsed.success || !allowed.includes(parsed.data.country_code)) {
        const errors = parsed.success ? {} : parsed.error.flatten().fieldErrors
        if (parsed.success)
          Object.assign(errors, {
            country_code: ["We do not ship there from this region"],
          })
        return data(
          { errors: errors as Record<string, string[] | undefined> },
          { status: 400 }
        )
      }
      const { email, ...address } = parsed.data
      await updateCartContact(cart.id, {
        email,
        shipping_address: address,
        billing_address: address,
      })
      return redirect("/checkout")
    }
    case "shipping": {
      const optionId = z.string().min(1).safeParse(form.option_id)
      if (!optionId.success)
        return data(
          { errors: { option_id: ["Choose a shipping option"] } },
          { status: 400 }
        )
      await setShippingMethod(cart.id, optionId.data)
      return redirect("/checkout")
    }
    case "place": {
      if (!cart.shipping_methods?.length)
        return data(
          { errors: { form: ["Choose a shipping option first"] } },
          { status: 400 }
        )
      const { order, error } = await placeOrder(cart)
      if (!order)
        return data(
          { errors: { form: [error ?? "The order could not be placed"] } },
          { status: 400 }
        )
      return redirect(`/order/confirmed/${order.id}`, {
        headers: {
          "Set-Cookie": await cartCookie.serialize("", { maxAge: 0 }),
        },
      })
    }
    default:
      return data({ errors: { form: ["Unknown action"] } }, { status: 400 })
  }
}

function FieldError({
  errors,
  name,
}: {
  errors?: Record<string, string[] | undefined>
  name: string
}) {
  const message = errors?.[name]?.[0]
  return message ? (
    <span id={`${name}-error`} className="field-error" role="alert">
      {message}
    </span>
  ) : null
}

export default function Checkout() {
  const { cart, countries, hasAddress, shippingOptions } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors as
    Record<string, string[] | undefined> | undefined
  const busy = useNavigation().state !== "idle"
  const field = (
    name: keyof typeof cart.address | "email",
    label: string,
    type = "text",
    autoComplete?: string
  ) => (
    <div
      className={
        name === "address_1" || name === "email" ? "field field--full" : "field"
      }
    >
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        required
        autoComplete={autoComplete}
        defaultValue={name === "email" ? cart.email : cart.address[name]}
        aria-invalid={errors?.[name] ? true : undefined}
        aria-describedby={errors?.[name] ? `${name}-error` : undefined}
      />
      <FieldError errors={errors} name={name} />
    </div>
  )

  return (
    <div className="checkout">
      <div>
        <h1>Checkout</h1>
        <section className="checkout-step" aria-labelledby="step-contact">
          <h2 id="step-contact">1. Contact and shipping address</h2>
          <Form method="post" className="form-grid">
            <input type="hidden" name="intent" value="contact" />
            {field("email", "Email", "email", "email")}
            {field("first_name", "First name", "text", "given-name")}
            {field("last_name", "Last name", "text", "family-name")}
            {field("address_1", "Address", "text", "address-line1")}
            {field("city", "City", "text", "address-level2")}
            {field("postal_code", "Postal code", "text", "postal-code")}
            <div className="field">
              <label htmlFor="country_code">Country</label>
              <select
                id="country_code"
                name="country_code"
                required
                defaultValue={cart.address.country_code}
                autoComplete="country"
              >
                <option value="">Choose…</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              <FieldError errors={errors} name="country_code" />
            </div>
            <div className="field field--full">
              <button type="submit" className="button" disabled={busy}>
                {hasAddress ? "Update address" : "Continue to shipping"}
              </button>
            </div>
          </Form>
        </section>

        {hasAddress && (
          <section className="checkout-step" aria-labelledby="step-shipping">
            <h2 id="step-shipping">2. Shipping</h2>
            {shippingOptions.length === 0 ? (
              <p>No shipping options are available for this address.</p>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="shipping" />
                <fieldset
                  className="radio-list"
                  style={{ border: 0, padding: 0 }}
                >
                  <legend className="visually-hidden">Shipping option</legend>
                  {shippingOptions.map((o) => (
                    <label key={o.id}>
                      <input
                        type="radio"
                        name="option_id"
                        value={o.id}
                        required
                        defaultChecked={o.id === cart.shippingMethodId}
                      />
                      {o.name} —{" "}
                      <Price
                        amount={o.amount}
                        currencyCode={cart.currency_code}
                      />
                    </label>
                  ))}
                </fieldset>
                <FieldError errors={errors} name="option_id" />
                <button type="submit" className="button" disabled={busy}>
                  Use this shipping option
                </button>
              </Form>
            )}
          </section>
        )}

        {hasAddress && cart.shippingMethodId && (
          <section className="checkout-step" aria-labelledby="step-payment">
            <h2 id="step-payment">3. Payment</h2>
            <p>Demo store: payment is collected manually, no card needed.</p>
            <Form method="post">
              <input type="hidden" name="intent" value="place" />
              <FieldError errors={errors} name="form" />
              <button type="submit" className="button" disabled={busy}>
                Place order
              </button>
            </Form>
          </section>
        )}
      </div>

      <aside className="checkout-step" aria-labelledby="summary-title">
        <h2 id="summary-title">Order summary</h2>
        <ul className="summary-list">
          {cart.lines.map((l) => (
            <li key={l.id}>
              <span>
                {l.quantity} × {l.title} ({l.size})
              </span>
              <Price amount={l.total} currencyCode={cart.currency_code} />
            </li>
          ))}
          <li>
            <span>Shipping</span>
            <Price
              amount={cart.shipping_total}
              currencyCode={cart.currency_code}
            />
          </li>
          <li>
            <strong>Total</strong>
            <strong>
              <Price amount={cart.total} currencyCode={cart.currency_code} />
            </strong>
          </li>
        </ul>
        <p>
          <Link to="/cart">Edit cart</Link>
        </p>
      </aside>
    </div>
  )
}
