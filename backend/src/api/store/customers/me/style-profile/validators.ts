import { z } from "@medusajs/framework/zod"
import { defaultCountries } from "@medusajs/framework/utils"
import {
  COLOURS,
  FAMILIES,
  GENDERS,
  SIZED_FAMILIES,
  SIZES,
  STYLES,
} from "../../../../../lib/style-vocabulary"

const COUNTRIES = new Set(defaultCountries.map((c) => c.alpha2.toLowerCase()))
const unique = <T>(xs: T[]) => [...new Set(xs)]
export const fromList = (field: string, values: readonly string[]) =>
  z.string().refine((v) => values.includes(v), {
    error: (iss) =>
      `${field}: unknown value ${JSON.stringify(iss.input)} (one of ${values.join(", ")})`,
  })

/** A budget in major units of the profile's currency; null clears it. */
const money = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .finite(`${field} must be a number`)
    // refine rather than min/max: Medusa rewrites those messages and loses the dotted field name
    .refine((v) => v >= 0, `${field} must not be negative`)
    .refine((v) => v <= 1_000_000, `${field} must be at most 1000000`)
    .nullable()
    .optional()

const Sizes = z
  .object(
    Object.fromEntries(
      SIZED_FAMILIES.map((f) => [
        f,
        fromList(`sizes.${f}`, SIZES[f]).nullable().optional(),
      ])
    ) as Record<
      (typeof SIZED_FAMILIES)[number],
      z.ZodOptional<z.ZodNullable<z.ZodString>>
    >
  )
  .strict()

const Budget = z
  .object({
    max_item: money("budget.max_item"),
    min_item: money("budget.min_item"),
    by_family: z
      .object(
        Object.fromEntries(
          FAMILIES.map((f) => [f, money(`budget.by_family.${f}`)])
        ) as Record<(typeof FAMILIES)[number], ReturnType<typeof money>>
      )
      .strict()
      .optional(),
  })
  .strict()
  .refine(
    (b) => b.min_item == null || b.max_item == null || b.min_item <= b.max_item,
    {
      message: "budget.min_item must not be more than budget.max_item",
      path: ["min_item"],
    }
  )

const Colours = z
  .object({
    liked: z
      .array(fromList("colours.liked", COLOURS))
      .max(COLOURS.length)
      .transform(unique)
      .optional(),
    disliked: z
      .array(fromList("colours.disliked", COLOURS))
      .max(COLOURS.length)
      .transform(unique)
      .optional(),
  })
  .strict()
  .refine((c) => !(c.liked ?? []).some((x) => (c.disliked ?? []).includes(x)), {
    message: "colours.disliked: a colour cannot be both liked and disliked",
    path: ["disliked"],
  })

const CountryCode = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => COUNTRIES.has(v), {
    error: (iss) =>
      `country_code: unknown country ${JSON.stringify(iss.input)}`,
  })

/** Partial update of a style profile: every field optional, null clears it. */
export const StoreUpdateStyleProfile = z
  .object({
    sizes: Sizes.optional(),
    budget: Budget.optional(),
    styles: z
      .array(fromList("styles", STYLES))
      .max(STYLES.length)
      .transform(unique)
      .optional(),
    colours: Colours.optional(),
    brands: z
      .array(
        z
          .string()
          .trim()
          .min(1, "brands: a brand cannot be empty")
          .max(60, "brands: at most 60 characters")
      )
      .max(30, "brands: at most 30")
      .transform(unique)
      .optional(),
    gender: fromList("gender", GENDERS).nullable().optional(),
    country_code: CountryCode.nullable().optional(),
  })
  .strict()

/** The style quiz: sizes and budget, and the looks picked (which seed liked styles and colours). */
export const StoreSubmitStyleQuiz = z
  .object({
    sizes: Sizes.optional(),
    budget: Budget.optional(),
    gender: fromList("gender", GENDERS).nullable().optional(),
    country_code: CountryCode.nullable().optional(),
    picks: z
      .array(z.string().min(1))
      .max(24, "picks: at most 24")
      .transform(unique)
      .default([]),
  })
  .strict()

export type StoreUpdateStyleProfileType = z.infer<
  typeof StoreUpdateStyleProfile
>
export type StoreSubmitStyleQuizType = z.infer<typeof StoreSubmitStyleQuiz>
