import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

const whole = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) =>
      v === undefined || v === ""
        ? undefined
        : typeof v === "string" && /^-?\d+$/.test(v.trim())
          ? Number(v)
          : v,
    z
      .number({ error: `${name} must be a whole number from ${min} to ${max}` })
      .int(`${name} must be a whole number from ${min} to ${max}`)
      .min(min, `${name} must be a whole number from ${min} to ${max}`)
      .max(max, `${name} must be a whole number from ${min} to ${max}`)
      .default(fallback)
  )

/**
 * Medusa's list parameters (`createFindParams`), with the bounds it leaves
 * out: offset ≥ 0 and 1 ≤ limit ≤ `max` (a negative offset reached Postgres
 * as a 500). `fields`/`order` are not offered: our list routes choose them.
 */
export const listParams = ({ limit = 50, max = 200 } = {}) =>
  createFindParams({ limit, offset: 0 })
    .omit({ fields: true, order: true })
    .extend({
      offset: whole("offset", 0, 1_000_000, 0),
      limit: whole("limit", 1, max, limit),
    })
