import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PRODUCT_SEARCH_INDEX } from "./documents"
import { SYNONYM_GROUPS } from "./synonyms"

const VOCABULARY_TTL_MS = 5 * 60_000
let vocabulary: { words: Set<string>; brands: string[]; at: number } | null =
  null

const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1)

/** The words the catalogue is described with: attribute values, category names and synonyms (cached). */
export async function catalogueVocabulary(
  container: MedusaContainer
): Promise<{ words: Set<string>; brands: string[] }> {
  if (vocabulary && vocabulary.at > Date.now() - VOCABULARY_TTL_MS)
    return vocabulary
  const searchModule = container.resolve(Modules.SEARCH)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [res, { data: categories }] = await Promise.all([
    searchModule.search({
      entity: PRODUCT_SEARCH_INDEX,
      fields: ["product_id"],
      pagination: { take: 1 },
      search_options: {
        count: "none",
        facets: [
          "article_type",
          "colour",
          "gender",
          "usage",
          "brand",
          "season",
        ].map((field) => ({ field, type: "value" as const, limit: 500 })),
      },
    }),
    query.graph({ entity: "product_category", fields: ["name"] }),
  ])
  // and the words of product titles ("T-Shirt", "Watch"…), read once per VOCABULARY_TTL_MS
  const { data: titles } = await query.graph({
    entity: "product",
    fields: ["title"],
    filters: { status: "published" } as any,
  })
  const words = new Set<string>()
  for (const f of Object.values(res.facets ?? {}))
    for (const v of (f as any).values ?? [])
      for (const w of wordsOf(String(v.value))) words.add(w)
  for (const c of categories as any[])
    for (const w of wordsOf(c.name ?? "")) words.add(w)
  for (const t of titles as any[])
    for (const w of wordsOf(t.title ?? "")) words.add(w)
  for (const g of SYNONYM_GROUPS)
    for (const p of g) for (const w of wordsOf(p)) words.add(w)
  const brands = ((res.facets?.brand as any)?.values ?? []).map((v: any) =>
    String(v.value)
  )
  vocabulary = { words, brands, at: Date.now() }
  return vocabulary
}

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment), giving up above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        prev[j] + 1,
        cur[j - 1] + 1,
        prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        cur[j] = Math.min(cur[j], prev2[j - 2] + 1)
      best = Math.min(best, cur[j])
    }
    if (best > max) return max + 1
    prev2 = prev
    prev = cur
  }
  return prev[b.length]
}

/** The closest catalogue word to a misspelt one, or null when none is close enough. */
export function closestWord(
  word: string,
  words: Iterable<string>
): string | null {
  const max = word.length <= 4 ? 1 : 2
  let best: string | null = null
  let bestD = max + 1
  for (const w of words) {
    const d = editDistance(word, w, max)
    if (
      d < bestD ||
      (d === bestD &&
        best &&
        w.length === word.length &&
        best.length !== word.length)
    ) {
      best = w
      bestD = d
    }
  }
  return bestD <= max ? best : null
}

/**
 * The query with every word the catalogue does not use replaced by the closest
 * one it does (in place, the rest of the query untouched; `text` null when
 * nothing changes), and whether the query had any word the catalogue does not
 * use at all (`misspelt`). Words of 1–2 letters and words with digits are kept.
 */
export async function respell(
  container: MedusaContainer,
  q: string
): Promise<{ text: string | null; misspelt: boolean }> {
  const { words } = await catalogueVocabulary(container)
  let changed = false
  let misspelt = false
  const fixed = q.replace(/[A-Za-z]{3,}/g, (token) => {
    const w = token.toLowerCase()
    if (words.has(w)) return token
    misspelt = true
    const near = closestWord(w, words)
    if (!near || near === w) return token
    changed = true
    return near
  })
  return { text: changed ? fixed : null, misspelt }
}

/** The query spelt as the catalogue spells it, or null when nothing changes (see `respell`). */
export async function correctSpelling(
  container: MedusaContainer,
  q: string
): Promise<string | null> {
  return (await respell(container, q)).text
}

/** For a query that found nothing: the same query spelt as the catalogue spells it, or null. */
export const didYouMean = correctSpelling
