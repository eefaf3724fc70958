import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PRODUCT_SEARCH_INDEX } from "./documents"
import { catalogueVocabulary, correctSpelling } from "./spelling"

export type Suggestions = {
  products: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
  }[]
  categories: { id: string; name: string; handle: string }[]
  brands: string[]
  took_ms: number
}

const CATEGORY_TTL_MS = 60_000
let categoryCache: {
  rows: { id: string; name: string; handle: string }[]
  at: number
} | null = null

async function categories(container: MedusaContainer) {
  if (categoryCache && categoryCache.at > Date.now() - CATEGORY_TTL_MS)
    return categoryCache.rows
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_category",
    fields: ["id", "name", "handle"],
    filters: { is_active: true, is_internal: false } as any,
  })
  categoryCache = {
    rows: (data as any[]).map((c) => ({
      id: c.id,
      name: c.name,
      handle: c.handle,
    })),
    at: Date.now(),
  }
  return categoryCache.rows
}

/** Whether every word of the query starts a word of the text ("sp sho" → "Sports Shoes"). */
const prefixMatch = (text: string, words: string[]) => {
  const have = text.toLowerCase().split(/[^a-z0-9]+/)
  return words.every((w) => have.some((h) => h.startsWith(w)))
}

/**
 * Autocomplete while typing: products whose words start with what was typed
 * (the last word as a prefix; respelt when nothing starts so), and the
 * categories and brands whose names do. In stock in the region when one is
 * given.
 */
export async function suggest(
  container: MedusaContainer,
  input: { q: string; region_id?: string; limit: number },
  salesChannelIds: string[]
): Promise<Suggestions> {
  const started = Date.now()
  const q = input.q.trim()
  const words = q
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  const searchModule = container.resolve(Modules.SEARCH)
  const and: Record<string, unknown>[] = [{ in_stock: true }]
  if (input.region_id) and.push({ region_id: input.region_id })
  if (salesChannelIds.length)
    and.push({ sales_channel_ids: { $in: salesChannelIds } })
  const run = (text: string) =>
    searchModule.search({
      entity: PRODUCT_SEARCH_INDEX,
      fields: ["product_id", "title", "handle", "thumbnail"],
      filters: { $and: and, q: text } as any,
      pagination: { take: input.limit },
      search_options: {
        match_strategy: "last",
        typo_tolerance: false,
        count: "none",
        distinct: input.region_id ? undefined : "product_id",
      },
    })
  const [first, cats, vocab] = await Promise.all([
    run(q),
    categories(container),
    catalogueVocabulary(container),
  ])
  // a misspelt word: respelt from the catalogue's vocabulary (in memory), not the engine's trigram scan, to stay fast
  const respelt =
    first.hits.length || words.join("").length < 4
      ? null
      : await correctSpelling(container, q)
  const hits = respelt ? (await run(respelt)).hits : first.hits
  const seenNames = new Set<string>()
  return {
    products: hits.map((h) => {
      const d = h.document as any
      return {
        id: d.product_id,
        title: d.title,
        handle: d.handle,
        thumbnail: d.thumbnail ?? null,
      }
    }),
    categories: words.length
      ? cats
          .filter((c) => prefixMatch(c.name, words))
          // the catalogue has one "Tshirts" category per gender: one suggestion per name
          .filter((c) =>
            seenNames.has(c.name.toLowerCase())
              ? false
              : (seenNames.add(c.name.toLowerCase()), true)
          )
          .slice(0, 5)
      : [],
    brands: words.length
      ? vocab.brands.filter((b) => prefixMatch(b, words)).slice(0, 5)
      : [],
    took_ms: Date.now() - started,
  }
}
