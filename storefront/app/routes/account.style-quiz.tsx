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
import { BudgetFields, GenderField, SizeFields } from "~/components/StyleFields"
import { getRegion } from "~/lib/data/regions.server"
import {
  getQuizLooks,
  getStyleProfile,
  getStyleVocabulary,
  StyleProfileRejected,
  submitStyleQuiz,
} from "~/lib/data/style-profile.server"
import { getCustomerToken } from "~/lib/session.server"
import {
  fieldErrorOf,
  parseStyleForm,
  type FieldErrors,
} from "~/lib/style-form"

export const meta: MetaFunction = () => [{ title: "Your style — CuratorAI" }]

async function requireToken(request: Request) {
  const token = await getCustomerToken(request)
  if (!token) throw redirect("/account/login")
  return token
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const { region } = await getRegion(request)
  const [profile, vocabulary] = await Promise.all([
    getStyleProfile(token).catch(() => null),
    getStyleVocabulary(),
  ])
  if (!profile) throw redirect("/account/login")
  const looks = await getQuizLooks(
    region.id,
    profile.gender ?? undefined
  ).catch(() => [])
  return { profile, vocabulary, looks, currency: region.currency_code ?? "eur" }
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const parsed = parseStyleForm(await request.formData(), {
    clearMissing: false,
  })
  if ("errors" in parsed)
    return Response.json({ errors: parsed.errors }, { status: 400 })
  const { update, picks } = parsed
  try {
    await submitStyleQuiz(token, {
      sizes: update.sizes,
      budget: update.budget,
      gender: update.gender,
      picks,
    })
  } catch (e) {
    if (e instanceof StyleProfileRejected)
      return Response.json({ errors: fieldErrorOf(e.message) }, { status: 400 })
    throw e
  }
  return redirect("/account/style?saved=quiz")
}

export default function StyleQuiz() {
  const { profile, vocabulary, looks, currency } =
    useLoaderData<typeof loader>()
  const errors = useActionData<{ errors?: FieldErrors }>()?.errors
  const busy = useNavigation().state === "submitting"
  return (
    <div className="account style-quiz">
      <h1>Tell us your style</h1>
      <p className="lede">
        Three quick questions, so what we show you fits, suits your budget and
        looks like you.
      </p>
      <Form method="post" noValidate>
        {errors?.form && (
          <p className="notice notice--error" role="alert">
            {errors.form}
          </p>
        )}
        <SizeFields vocabulary={vocabulary} profile={profile} errors={errors} />
        <BudgetFields profile={profile} errors={errors} currency={currency} />
        <fieldset className="style-fieldset" data-testid="quiz-looks">
          <legend>Pick the looks you like</legend>
          <p className="fine-print">
            Choose as many as you like; they teach us your styles and colours.
          </p>
          <ul className="quiz-looks">
            {looks.map((l) => (
              <li key={l.product_id}>
                <label className="quiz-look">
                  <input
                    type="checkbox"
                    name="picks"
                    value={l.product_id}
                    aria-label={`${l.title} (${l.style}, ${l.colour})`}
                  />
                  <img src={l.thumbnail} alt="" loading="lazy" />
                  <span>
                    {l.style} · {l.colour}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {errors?.picks && <p className="field-error">{errors.picks}</p>}
        </fieldset>
        <GenderField
          vocabulary={vocabulary}
          value={profile.gender}
          errors={errors}
        />
        <p>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Saving…" : "Save my style"}
          </button>{" "}
          <Link to="/account">Skip for now</Link>
        </p>
      </Form>
    </div>
  )
}
