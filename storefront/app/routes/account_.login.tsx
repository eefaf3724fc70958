import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node"
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react"
import { z } from "zod"
import { cartCookie, readCookie } from "~/lib/cookies.server"
import {
  AuthError,
  loginCustomer,
  transferCart,
} from "~/lib/data/customers.server"
import {
  commitSession,
  getCustomerToken,
  getSession,
} from "~/lib/session.server"
import { env } from "~/lib/env.server"
import { GoogleSignIn } from "~/components/GoogleSignIn"

export const meta: MetaFunction = () => [{ title: "Log in — CuratorAI" }]

const FormSchema = z.object({
  email: z.string().trim().email("Enter a valid email"),
  password: z.string().min(1, "Enter your password"),
})

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCustomerToken(request)) throw redirect("/account")
  return { google: env.GOOGLE_AUTH_ENABLED }
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
  let token: string
  try {
    token = await loginCustomer(parsed.data.email, parsed.data.password)
  } catch (e) {
    return Response.json(
      {
        errors: {
          form: [e instanceof AuthError ? e.message : "Could not log in"],
        },
      },
      { status: 400 }
    )
  }
  const cartId = await readCookie(cartCookie, request)
  if (cartId) await transferCart(cartId, token)
  const session = await getSession(request)
  session.set("customer_token", token)
  return redirect("/account", {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}

export default function Login() {
  const data = useActionData<{
    errors?: Record<string, string[] | undefined>
  }>()
  const busy = useNavigation().state === "submitting"
  const errors = data?.errors
  return (
    <div className="account-form">
      <h1>Log in</h1>
      <GoogleSignIn enabled={useLoaderData<typeof loader>()?.google ?? false} />
      <Form method="post" noValidate>
        {errors?.form && (
          <p className="notice notice--error" role="alert">
            {errors.form[0]}
          </p>
        )}
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={!!errors?.email}
          />
          {errors?.email && <p className="field-error">{errors.email[0]}</p>}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={!!errors?.password}
          />
          {errors?.password && (
            <p className="field-error">{errors.password[0]}</p>
          )}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </Form>
      <p>
        New here? <Link to="/account/register">Create an account</Link>
      </p>
    </div>
  )
}
