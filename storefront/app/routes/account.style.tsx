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
  useSearchParams,
} from "@remix-run/react"
import {
  BudgetFields,
  ChoiceFields,
  GenderField,
  SizeFields,
} from "~/components/StyleFields"
import { getRegion } from "~/lib/data/regions.server"
import {
  getStyleProfile,
  getStyleVocabulary,
  StyleProfileRejected,
  updateStyleProfile,
  type StyleProfile,
} from "~/lib/data/style-profile.server"
import { getCustomerToken } from "~/lib/session.server"
import {
  fieldErrorOf,
  parseStyleForm,
  type FieldErrors,
} from "~/lib/style-form"

export const meta: MetaFunction = () => [
  { title: "Your style profile — CuratorAI" },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await getCustomerToken(request)
  if (!token) throw redirect("/account/login")
  const { region, regions } = await getRegion(request)
  const [profile, vocabulary] = await Promise.all([
    getStyleProfile(token).catch(() => null),
    getStyleVocabulary(),
  ])
  if (!profile) throw redirect("/account/login")
  // the profile's country picks its region, and so the currency its budget is in
  const home =
    regions.find((r) =>
      (r.countries ?? []).some((c) => c.iso_2 === profile.country_code)
    ) ?? region
  const countries = regions.flatMap((r) =>
    (r.countries ?? []).map((c) => ({
      code: c.iso_2!,
      name: c.display_name ?? c.iso_2!,
    }))
  )
  return {
    profile,
    vocabulary,
    countries,
    currency: home.currency_code ?? "eur",
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await getCustomerToken(request)
  if (!token) throw redirect("/account/login")
  const parsed = parseStyleForm(await request.formData(), {
    clearMissing: true,
  })
  if ("errors" in parsed)
    return Response.json({ errors: parsed.errors }, { status: 400 })
  try {
    await updateStyleProfile(token, parsed.update)
  } catch (e) {
    if (e instanceof StyleProfileRejected)
      return Response.json({ errors: fieldErrorOf(e.message) }, { status: 400 })
    throw e
  }
  return redirect("/account/style?saved=profile")
}

const list = (xs: string[]) => (xs.length ? xs.join(", ") : "—")

function Summary({
  profile,
  currency,
}: {
  profile: StyleProfile
  currency: string
}) {
  const sizes = (["top", "bottom", "dress", "shoes"] as const)
    .filter((f) => profile.sizes[f])
    .map((f) => `${f} ${profile.sizes[f]}`)
  const money = (v: number | null) =>
    v == null ? "—" : `${v} ${currency.toUpperCase()}`
  return (
    <dl className="style-summary" data-testid="style-summary">
      <dt>Sizes</dt>
      <dd data-testid="summary-sizes">{list(sizes)}</dd>
      <dt>Budget per item</dt>
      <dd data-testid="summary-budget">
        {money(profile.budget.min_item)} – {money(profile.budget.max_item)}
      </dd>
      <dt>Styles</dt>
      <dd data-testid="summary-styles">{list(profile.styles)}</dd>
      <dt>Colours you like</dt>
      <dd data-testid="summary-liked">{list(profile.colours.liked)}</dd>
      <dt>Colours you avoid</dt>
      <dd data-testid="summary-disliked">{list(profile.colours.disliked)}</dd>
      <dt>Brands</dt>
      <dd>{list(profile.brands)}</dd>
      <dt>Shopping for</dt>
      <dd>{profile.gender ?? "Everyone"}</dd>
      <dt>Country</dt>
      <dd>{profile.country_code?.toUpperCase() ?? "—"}</dd>
    </dl>
  )
}

export default function StyleProfilePage() {
  const { profile, vocabulary, countries, currency } =
    useLoaderData<typeof loader>()
  const errors = useActionData<{ errors?: FieldErrors }>()?.errors
  const busy = useNavigation().state === "submitting"
  const [params] = useSearchParams()
  return (
    <div className="account style-profile">
      <h1>Your style profile</h1>
      {params.get("saved") && !errors && (
        <p className="notice" role="status">
          Saved. We will use this to pick what we show you.
        </p>
      )}
      <Summary profile={profile} currency={currency} />
      <p>
        <Link to="/account/style-quiz">Retake the style quiz</Link> ·{" "}
        <Link to="/account">Back to your account</Link>
      </p>
      <h2>Edit</h2>
      <Form method="post" noValidate>
        {errors?.form && (
          <p className="notice notice--error" role="alert">
            {errors.form}
          </p>
        )}
        <SizeFields vocabulary={vocabulary} profile={profile} errors={errors} />
        <BudgetFields
          profile={profile}
          errors={errors}
          currency={currency}
          perFamily
        />
        <ChoiceFields
          legend="Styles you like"
          name="styles"
          options={vocabulary.styles}
          chosen={profile.styles}
          errors={errors}
        />
        <ChoiceFields
          legend="Colours you like"
          name="liked"
          options={vocabulary.colours}
          chosen={profile.colours.liked}
          errors={errors}
        />
        <ChoiceFields
          legend="Colours you avoid"
          name="disliked"
          options={vocabulary.colours}
          chosen={profile.colours.disliked}
          errors={errors}
        />
        <div className="form-grid">
          <div className="field">
            <label htmlFor="brands">Favourite brands (comma separated)</label>
            <input
              id="brands"
              name="brands"
              type="text"
              defaultValue={profile.brands.join(", ")}
            />
            {errors?.brands && <p className="field-error">{errors.brands}</p>}
          </div>
          <GenderField
            vocabulary={vocabulary}
            value={profile.gender}
            errors={errors}
          />
          <div className="field">
            <label htmlFor="country_code">Home country</label>
            <select
              id="country_code"
              name="country_code"
              defaultValue={profile.country_code ?? ""}
            >
              <option value="">—</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            {errors?.country_code && (
              <p className="field-error">{errors.country_code}</p>
            )}
          </div>
        </div>
        <p>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Saving…" : "Save profile"}
          </button>
        </p>
      </Form>
    </div>
  )
}
