import type { StyleProfileFields } from "../../modules/style-profile/types"

/** A partial update as the store API takes it (already validated): absent keeps, null clears. */
export type StyleProfileUpdate = {
  sizes?: Partial<Record<string, string | null>>
  budget?: {
    max_item?: number | null
    min_item?: number | null
    by_family?: Partial<Record<string, number | null>>
  }
  styles?: string[]
  colours?: { liked?: string[]; disliked?: string[] }
  brands?: string[]
  gender?: string | null
  country_code?: string | null
}

/** Words to add to the lists (the style quiz's picks) rather than replace them. */
export type StyleProfileAdditions = {
  styles?: string[]
  colours_liked?: string[]
}

const patch = <V>(
  base: Record<string, V>,
  changes: Partial<Record<string, V | null>> | undefined
) => {
  const out = { ...base }
  for (const [k, v] of Object.entries(changes ?? {})) {
    if (v === undefined) continue
    if (v === null) delete out[k]
    else out[k] = v
  }
  return out
}
const union = (a: string[], b: string[] = []) => [...new Set([...a, ...b])]
const without = (a: string[], b: string[] = []) =>
  a.filter((x) => !b.includes(x))

/**
 * The profile after an update. Maps (sizes, per-family budgets) merge key by
 * key; lists replace; a colour just liked leaves the disliked list and the
 * other way round; additions join the lists without displacing a dislike.
 */
export function mergeStyleProfile(
  current: StyleProfileFields,
  update: StyleProfileUpdate,
  add: StyleProfileAdditions = {}
): StyleProfileFields {
  const next: StyleProfileFields = { ...current }
  next.sizes = patch(current.sizes, update.sizes)
  if (update.budget) {
    if (update.budget.max_item !== undefined)
      next.budget_max_item = update.budget.max_item
    if (update.budget.min_item !== undefined)
      next.budget_min_item = update.budget.min_item
    next.budget_by_family = patch(
      current.budget_by_family,
      update.budget.by_family
    )
  }
  if (update.styles) next.styles = update.styles
  if (update.colours?.liked) {
    next.colours_liked = update.colours.liked
    next.colours_disliked = without(next.colours_disliked, update.colours.liked)
  }
  if (update.colours?.disliked) {
    next.colours_disliked = update.colours.disliked
    next.colours_liked = without(next.colours_liked, update.colours.disliked)
  }
  if (update.brands) next.brands = update.brands
  if (update.gender !== undefined) next.gender = update.gender
  if (update.country_code !== undefined) next.country_code = update.country_code
  next.styles = union(next.styles, add.styles)
  next.colours_liked = union(
    next.colours_liked,
    without(add.colours_liked ?? [], next.colours_disliked)
  )
  return next
}
