import { z } from "zod"
import type { StyleProfileUpdate } from "./data/style-profile.server"

/*
 * The style quiz and the profile page post plain forms (they work without
 * JavaScript). This turns such a form into a profile update, with field errors
 * keyed by the form's input names; the backend checks the words themselves
 * (sizes, colours, styles) and its messages are mapped back onto the inputs.
 */

export const SIZED = ["top", "bottom", "dress", "shoes"] as const
export const BUDGET_FAMILIES = [
  "top",
  "bottom",
  "dress",
  "shoes",
  "accessories",
] as const

const money = (label: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : Number(v)))
    .refine(
      (v) => v === null || (Number.isFinite(v) && v >= 0),
      `${label} must be a positive amount`
    )

export type FieldErrors = Record<string, string>

/** Reads a quiz or profile form. `clearMissing`: an empty select or list clears the field (the profile page shows them all). */
export function parseStyleForm(
  form: FormData,
  opts: { clearMissing: boolean }
): { update: StyleProfileUpdate; picks: string[] } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  const update: StyleProfileUpdate = {}
  const text = (name: string) => (form.get(name) ?? "").toString().trim()
  const all = (name: string) => form.getAll(name).map(String).filter(Boolean)

  const sizes: Record<string, string | null> = {}
  for (const f of SIZED) {
    if (!form.has(`size_${f}`)) continue
    const v = text(`size_${f}`)
    if (v) sizes[f] = v
    else if (opts.clearMissing) sizes[f] = null
  }
  if (Object.keys(sizes).length) update.sizes = sizes

  const budget: NonNullable<StyleProfileUpdate["budget"]> = {}
  for (const [name, key, label] of [
    ["budget_max", "max_item", "Most per item"],
    ["budget_min", "min_item", "Least per item"],
  ] as const) {
    if (!form.has(name)) continue
    const r = money(label).safeParse(text(name))
    if (!r.success) errors[name] = r.error.issues[0].message
    else if (r.data !== null || opts.clearMissing) budget[key] = r.data
  }
  const byFamily: Record<string, number | null> = {}
  for (const f of BUDGET_FAMILIES) {
    const name = `budget_family_${f}`
    if (!form.has(name)) continue
    const r = money(`The ${f} budget`).safeParse(text(name))
    if (!r.success) errors[name] = r.error.issues[0].message
    else if (r.data !== null || opts.clearMissing) byFamily[f] = r.data
  }
  if (Object.keys(byFamily).length) budget.by_family = byFamily
  if (
    budget.min_item != null &&
    budget.max_item != null &&
    budget.min_item > budget.max_item
  ) {
    errors.budget_min =
      "The least per item cannot be more than the most per item"
  }
  if (Object.keys(budget).length) update.budget = budget

  if (opts.clearMissing || form.has("styles")) update.styles = all("styles")
  if (opts.clearMissing || form.has("liked") || form.has("disliked")) {
    const liked = all("liked")
    const disliked = all("disliked")
    const both = liked.filter((c) => disliked.includes(c))
    if (both.length)
      errors.disliked = `${both.join(", ")}: a colour cannot be both liked and disliked`
    update.colours = { liked, disliked }
  }
  if (form.has("brands")) {
    const brands = text("brands")
      .split(",")
      .map((b) => b.trim())
      .filter(Boolean)
    if (brands.some((b) => b.length > 60))
      errors.brands = "Brand names are at most 60 characters"
    update.brands = brands
  }
  if (form.has("gender")) {
    const g = text("gender")
    if (g || opts.clearMissing) update.gender = g || null
  }
  if (form.has("country_code")) {
    const c = text("country_code")
    if (c || opts.clearMissing) update.country_code = c || null
  }
  if (Object.keys(errors).length) return { errors }
  return { update, picks: all("picks") }
}

const FIELD_OF: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/sizes\.(\w+)/, (m) => `size_${m[1]}`],
  [/budget\.by_family\.(\w+)/, (m) => `budget_family_${m[1]}`],
  [/budget\.max_item/, () => "budget_max"],
  [/budget\.min_item/, () => "budget_min"],
  [/colours\.(liked|disliked)/, (m) => m[1]],
  [/\b(styles|gender|country_code|brands|picks)\b/, (m) => m[1]],
]

/** Puts the backend's refusal ("sizes.top: unknown value …") on the input it is about. */
export function fieldErrorOf(message: string): FieldErrors {
  for (const [re, name] of FIELD_OF) {
    const m = message.match(re)
    if (m) return { [name(m)]: message }
  }
  return { form: message }
}
