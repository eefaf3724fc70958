import { MedusaError } from "@medusajs/framework/utils"
import {
  VisualSearchConstraints,
  VisualSearchJsonBody,
  type VisualSearchConstraintsType,
} from "./validators"

const CONSTRAINT_KEYS = ["region_id", "size", "min_price", "max_price", "limit"]

function zodMessage(error: any) {
  return error.issues
    .map((i: any) =>
      i.path?.length ? `${i.path.join(".")}: ${i.message}` : i.message
    )
    .join("; ")
}

/** Constraints come from the query string or the form/JSON body (body wins). */
export function parseConstraints(
  query: Record<string, unknown>,
  body: Record<string, unknown> = {}
): VisualSearchConstraintsType {
  const merged: Record<string, unknown> = {}
  for (const k of CONSTRAINT_KEYS) {
    const v = body[k] ?? query[k]
    if (v !== undefined && v !== "") merged[k] = Array.isArray(v) ? v[0] : v
  }
  const parsed = VisualSearchConstraints.safeParse(merged)
  if (!parsed.success)
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid search parameters: ${zodMessage(parsed.error)}`
    )
  return parsed.data
}

/** The JSON body names exactly one query: a product or a text. */
export function parseJsonQuery(body: Record<string, unknown>) {
  const rest = Object.fromEntries(
    Object.entries(body ?? {}).filter(([k]) => !CONSTRAINT_KEYS.includes(k))
  )
  const parsed = VisualSearchJsonBody.safeParse(rest)
  if (!parsed.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Send a photo as multipart field "image", or JSON with exactly one of "product_id" or "text" (${zodMessage(parsed.error)})`
    )
  }
  return parsed.data as { product_id: string } | { text: string }
}
