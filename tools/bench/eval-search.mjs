// npm run eval:search — relevance of text search on the demo catalogue:
//  * typo recall@10: a product's own name with one typo injected in one word (a swapped, dropped or doubled
//    letter); a hit when the product — or one with the very same name, which no text can tell apart — is in the top 10
//  * attribute precision@10: "<colour> <article type>" queries; the share of the top 10 with that colour and type
import { args, table, writeResults } from "./lib.mjs"
import { buyable, catalogueRows, startSearchStore } from "./search-lib.mjs"
import { step } from "../../scripts/lib/proc.mjs"

const opt = args({ products: 0, port: 9214, seed: 7, queries: 300, reuse: "" })
let s = opt.seed >>> 0
const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296
const pick = (xs) => xs[Math.floor(rand() * xs.length)]

/** One typo in one word of 4+ letters: a swap of neighbours, a dropped letter or a doubled one. */
export function injectTypo(title) {
  const words = title.split(" ")
  const candidates = words
    .map((w, i) => [w, i])
    .filter(([w]) => /^[A-Za-z-]{4,}$/.test(w))
  const [word, i] = pick(candidates)
  const at = 1 + Math.floor(rand() * (word.length - 2))
  const kind = pick(["swap", "drop", "double"])
  let typo = word
  if (kind === "swap")
    typo = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
  if (kind === "drop") typo = word.slice(0, at) + word.slice(at + 1)
  if (kind === "double") typo = word.slice(0, at) + word[at] + word.slice(at)
  if (typo === word) typo = word.slice(0, at) + word.slice(at + 1)
  words[i] = typo
  return { query: words.join(" "), kind }
}

const { rows, dir } = await catalogueRows(opt.products)
const store = await startSearchStore({
  name: "curatorai_search_eval",
  rows,
  dir,
  port: opt.port,
  reuse: !!opt.reuse,
  // a text-search store: no photo embedding on product events
  env: { CURATOR_VISUAL_INDEXING: "false", CURATOR_SEED_BATCH: "50" },
})
const { api, regions } = store
try {
  // labels of every product, from the store API
  const products = []
  for (let offset = 0; ; offset += 100) {
    const { products: page, count } = await api(
      `/store/products?limit=100&offset=${offset}&fields=id,title,+metadata`
    )
    products.push(...page)
    if (offset + 100 >= count) break
  }
  const eu = await buyable(api, regions.eur.id)
  const us = await buyable(api, regions.usd.id)
  const byTitle = new Map()
  for (const p of products)
    byTitle.set(p.title, [...(byTitle.get(p.title) ?? []), p.id])

  // ---- typo recall@10
  const sample = products
    .filter((p) => eu.has(p.id) || us.has(p.id))
    .sort(() => rand() - 0.5)
    .slice(0, opt.queries)
  let hits = 0
  const misses = []
  const byKind = {}
  for (const p of sample) {
    const region = eu.has(p.id) ? regions.eur : regions.usd
    const { query, kind } = injectTypo(p.title)
    const res = await api(
      `/store/search?q=${encodeURIComponent(query)}&region_id=${region.id}&limit=10`
    )
    const same = new Set(byTitle.get(p.title))
    const hit = res.products.some((c) => same.has(c.product.id))
    byKind[kind] ??= { n: 0, hits: 0 }
    byKind[kind].n++
    if (hit) {
      hits++
      byKind[kind].hits++
    } else if (misses.length < 15)
      misses.push({
        title: p.title,
        query,
        top: res.products.slice(0, 3).map((c) => c.product.title),
      })
  }
  const recall = hits / sample.length

  // ---- attribute precision@10 over every colour × article type with 3+ products buyable in Europe
  const labels = new Map(products.map((p) => [p.id, p.metadata ?? {}]))
  const combos = new Map()
  for (const p of products) {
    if (!eu.has(p.id)) continue
    const m = p.metadata ?? {}
    if (!m.base_colour || m.base_colour === "NA" || !m.article_type) continue
    const k = `${m.base_colour}|${m.article_type}`
    combos.set(k, (combos.get(k) ?? 0) + 1)
  }
  const queries = [...combos]
    .filter(([, n]) => n >= 3)
    .map(([k]) => k.split("|"))
  let precisionSum = 0
  const worst = []
  for (const [colour, type] of queries) {
    const q = `${colour} ${type}`.toLowerCase()
    const res = await api(
      `/store/search?q=${encodeURIComponent(q)}&region_id=${regions.eur.id}&limit=10`
    )
    const top = res.products.slice(0, 10)
    const good = top.filter(
      (c) =>
        labels.get(c.product.id)?.base_colour === colour &&
        labels.get(c.product.id)?.article_type === type
    ).length
    const precision = top.length ? good / top.length : 0
    precisionSum += precision
    worst.push({ q, precision, shown: top.length })
  }
  const precision = queries.length ? precisionSum / queries.length : NaN
  worst.sort((a, b) => a.precision - b.precision)

  step("text search relevance")
  table([
    [
      "catalogue",
      `${products.length} products (${eu.size} buyable in Europe, ${us.size} in the US)`,
    ],
    [
      "typo recall@10",
      `${recall.toFixed(3)} over ${sample.length} queries (must ≥ 0.90) ${Object.entries(
        byKind
      )
        .map(([k, v]) => `${k} ${(v.hits / v.n).toFixed(2)}`)
        .join(", ")}`,
    ],
    [
      "attribute precision@10",
      `${precision.toFixed(3)} over ${queries.length} "<colour> <article type>" queries (must ≥ 0.90)`,
    ],
  ])
  if (misses.length)
    console.log("  typo misses (first 15):", JSON.stringify(misses, null, 1))
  console.log("  lowest precision:", JSON.stringify(worst.slice(0, 8)))
  const file = writeResults("eval-search", {
    products: products.length,
    typo_recall_at_10: recall,
    typo_queries: sample.length,
    typo_by_kind: byKind,
    attribute_precision_at_10: precision,
    attribute_queries: queries.length,
    misses,
    lowest_precision: worst.slice(0, 8),
  })
  step(`written ${file}`)
  if (recall < 0.9 || precision < 0.9) process.exitCode = 1
} finally {
  await store.stop()
}
