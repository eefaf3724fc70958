import { sdk } from "../medusa.server"

/*
 * Every style-profile call of the storefront. The customer's token is passed per
 * call (the sdk instance is shared by all shoppers; see customers.server.ts).
 */

export type StyleProfile = {
  sizes: Partial<Record<"top" | "bottom" | "dress" | "shoes", string>>
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

export type StyleVocabulary = {
  sizes: Record<"top" | "bottom" | "dress" | "shoes", string[]>
  budget_families: string[]
  styles: string[]
  colours: string[]
  genders: string[]
}

export type QuizLook = {
  product_id: string
  title: string
  handle: string
  thumbnail: string
  style: string
  colour: string
  gender: string
  family: string
}

/** A profile update as the store API takes it: absent keeps a field, null clears it. */
export type StyleProfileUpdate = {
  sizes?: Partial<Record<string, string | null>>
  budget?: {
    max_item?: number | null
    min_item?: number | null
    by_family?: Record<string, number | null>
  }
  styles?: string[]
  colours?: { liked?: string[]; disliked?: string[] }
  brands?: string[]
  gender?: string | null
  country_code?: string | null
}

/** The backend refused the values: its message names the field (e.g. "sizes.top: unknown value …"). */
export class StyleProfileRejected extends Error {}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

async function rejectedOr<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (e) {
    const status = (e as { status?: number }).status
    if (status === 400)
      throw new StyleProfileRejected(
        (e as Error).message.replace(/^Invalid request: /, "")
      )
    throw e
  }
}

export async function getStyleProfile(token: string): Promise<StyleProfile> {
  const { style_profile } = await sdk.client.fetch<{
    style_profile: StyleProfile
  }>("/store/customers/me/style-profile", { headers: bearer(token) })
  return style_profile
}

export async function updateStyleProfile(
  token: string,
  update: StyleProfileUpdate
): Promise<StyleProfile> {
  const { style_profile } = await rejectedOr(() =>
    sdk.client.fetch<{ style_profile: StyleProfile }>(
      "/store/customers/me/style-profile",
      { method: "POST", body: update, headers: bearer(token) }
    )
  )
  return style_profile
}

export async function submitStyleQuiz(
  token: string,
  body: Pick<StyleProfileUpdate, "sizes" | "budget" | "gender"> & {
    picks: string[]
  }
) {
  return rejectedOr(() =>
    sdk.client.fetch<{ style_profile: StyleProfile; likes_added: number }>(
      "/store/customers/me/style-profile/quiz",
      { method: "POST", body, headers: bearer(token) }
    )
  )
}

let vocabulary: StyleVocabulary | null = null
/** The accepted sizes, styles, colours and genders (fixed while the backend runs, so kept once fetched). */
export async function getStyleVocabulary(): Promise<StyleVocabulary> {
  vocabulary ??= await sdk.client.fetch<StyleVocabulary>(
    "/store/style-vocabulary"
  )
  return vocabulary
}

/** The looks to pick from in the quiz, buyable in the region. */
export async function getQuizLooks(
  regionId: string,
  gender?: string
): Promise<QuizLook[]> {
  const { looks } = await sdk.client.fetch<{ looks: QuizLook[] }>(
    "/store/style-quiz",
    { query: { region_id: regionId, gender, limit: 12 } }
  )
  return looks
}
