import type {
  StyleProfile,
  StyleVocabulary,
} from "~/lib/data/style-profile.server"
import type { FieldErrors } from "~/lib/style-form"

const FAMILY_LABEL: Record<string, string> = {
  top: "Tops",
  bottom: "Bottoms",
  dress: "Dresses",
  shoes: "Shoes (EU)",
  accessories: "Accessories",
}

function FieldError({ errors, name }: { errors?: FieldErrors; name: string }) {
  return errors?.[name] ? (
    <p className="field-error" id={`${name}-error`}>
      {errors[name]}
    </p>
  ) : null
}

/** A select per garment family with the sizes the catalogue sells. */
export function SizeFields({
  vocabulary,
  profile,
  errors,
}: {
  vocabulary: StyleVocabulary
  profile: StyleProfile
  errors?: FieldErrors
}) {
  return (
    <fieldset className="style-fieldset">
      <legend>Your sizes</legend>
      <div className="form-grid">
        {(["top", "bottom", "dress", "shoes"] as const).map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`size_${f}`}>{FAMILY_LABEL[f]}</label>
            <select
              id={`size_${f}`}
              name={`size_${f}`}
              defaultValue={profile.sizes[f] ?? ""}
              aria-invalid={!!errors?.[`size_${f}`]}
            >
              <option value="">—</option>
              {vocabulary.sizes[f].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <FieldError errors={errors} name={`size_${f}`} />
          </div>
        ))}
      </div>
      <p className="fine-print">Accessories are one size.</p>
    </fieldset>
  )
}

/** Most and least per item, and optionally a budget per family, in the currency of the shopper's region. */
export function BudgetFields({
  profile,
  errors,
  currency,
  perFamily,
}: {
  profile: StyleProfile
  errors?: FieldErrors
  currency: string
  perFamily?: boolean
}) {
  const money = (
    name: string,
    label: string,
    value: number | null | undefined
  ) => (
    <div className="field" key={name}>
      <label htmlFor={name}>
        {label} ({currency.toUpperCase()})
      </label>
      <input
        id={name}
        name={name}
        type="number"
        min="0"
        step="1"
        inputMode="decimal"
        defaultValue={value ?? ""}
        aria-invalid={!!errors?.[name]}
      />
      <FieldError errors={errors} name={name} />
    </div>
  )
  return (
    <fieldset className="style-fieldset">
      <legend>Your budget</legend>
      <div className="form-grid">
        {money("budget_max", "Most per item", profile.budget.max_item)}
        {money("budget_min", "Least per item", profile.budget.min_item)}
        {perFamily &&
          ["top", "bottom", "dress", "shoes", "accessories"].map((f) =>
            money(
              `budget_family_${f}`,
              `Most for ${FAMILY_LABEL[f].toLowerCase()}`,
              profile.budget.by_family[f]
            )
          )}
      </div>
    </fieldset>
  )
}

/** Checkboxes for a list of words (styles, colours). */
export function ChoiceFields({
  legend,
  name,
  options,
  chosen,
  errors,
}: {
  legend: string
  name: string
  options: string[]
  chosen: string[]
  errors?: FieldErrors
}) {
  return (
    <fieldset
      className="style-fieldset"
      aria-describedby={errors?.[name] ? `${name}-error` : undefined}
    >
      <legend>{legend}</legend>
      <ul className="choice-list">
        {options.map((o) => (
          <li key={o}>
            <label className="size-option">
              <input
                type="checkbox"
                name={name}
                value={o}
                defaultChecked={chosen.includes(o)}
              />
              <span>{o}</span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError errors={errors} name={name} />
    </fieldset>
  )
}

export function GenderField({
  vocabulary,
  value,
  errors,
}: {
  vocabulary: StyleVocabulary
  value: string | null
  errors?: FieldErrors
}) {
  return (
    <div className="field">
      <label htmlFor="gender">Shop mostly for</label>
      <select id="gender" name="gender" defaultValue={value ?? ""}>
        <option value="">Everyone</option>
        {vocabulary.genders.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </select>
      <FieldError errors={errors} name="gender" />
    </div>
  )
}
