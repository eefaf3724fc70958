/** The profile as the store API returns it (the shape is fixed: other checks read it). */
export type StyleProfileShape = {
  sizes: Record<string, string>
  budget: {
    max_item: number | null
    min_item: number | null
    by_family: Record<string, number>
  }
  styles: string[]
  colours: { liked: string[]; disliked: string[] }
  brands: string[]
  gender: string | null
  country_code: string | null
}

/** The stored columns of a profile, without ids and timestamps. */
export type StyleProfileFields = {
  sizes: Record<string, string>
  budget_max_item: number | null
  budget_min_item: number | null
  budget_by_family: Record<string, number>
  styles: string[]
  colours_liked: string[]
  colours_disliked: string[]
  brands: string[]
  gender: string | null
  country_code: string | null
}
