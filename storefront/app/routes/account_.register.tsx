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
import { AuthError, registerCustomer } from "~/lib/data/customers.server"
import {
  commitSession,
  getCustomerToken,
  getSession,
} from "~/lib/session.server"
import { env } from "~/lib/env.server"
import { GoogleSignIn } from "~/components/GoogleSignIn"

export const meta: MetaFunction = () => [
  { title: "Create an account — CuratorAI" },
]

const FormSchema = z.object({
  first_name: z.string().trim().min(1, "Enter your first name").max(100),
  last_name: z.string().trim().min(1, "Enter your last name").max(100),
  email: z.string().trim().email("Enter a valid email"),
  password: z.string().min(8, "Use at least 8 characters").max(200),
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
    token = await registerCustomer(parsed.data)
  } catch (e) {
    return Response.json(
      {
        errors: {
          form: [
            e instanceof AuthError ? e.message : "Could not create the account",
          ],
        },
      },
      { status: 400 }
    )
  }
  const session = await getSession(request)
  session.set("customer_token", token)
  // a new shopper goes straight to the style quiz (which they may skip)
  return redirect("/account/style-quiz", {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}

const FIELDS = [
  {
    name: "first_name",
    label: "First name",
    type: "text",
    autoComplete: "given-name",
  },
  {
    name: "last_name",
    label: "Last name",
    type: "text",
    autoComplete: "family-name",
  },
  { name: "email", label: "Email", type: "email", autoComplete: "email" },
  {
    name: "password",
    label: "Password",
    type: "password",
    autoComplete: "new-password",
  },
] as const

export default function Register() {
  const data = useActionData<{
    errors?: Record<string, string[] | undefined>
  }>()
  const busy = useNavigation().state === "submitting"
  const errors = data?.errors
  return (
    <div className="account-form">
      <h1>Create an account</h1>
      <GoogleSignIn enabled={useLoaderData<typeof loader>()?.google ?? false} />
      <Form method="post" noValidate>
        {errors?.form && (
          <p className="notice notice--error" role="alert">
            {errors.form[0]}
          </p>
        )}
        {FIELDS.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={f.name}>{f.label}</label>
            <input
              id={f.name}
              name={f.name}
              type={f.type}
              autoComplete={f.autoComplete}
              required
              aria-invalid={!!errors?.[f.name]}
            />
            {errors?.[f.name] && (
              <p className="field-error">{errors[f.name]![0]}</p>
            )}
          </div>
        ))}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating…" : "Create account"}
        </button>
      </Form>
      <p>
        Already have an account? <Link to="/account/login">Log in</Link>
      </p>
    </div>
  )
}
