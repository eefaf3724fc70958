// npm run bench:search — text search and autocomplete latency over HTTP on a seeded catalogue
// (default 10,000 products; --products N for another size), p50/p95 at 1 and 8 concurrent clients.
// Must: search p95 ≤ 100 ms and suggest p95 ≤ 50 ms at one client.
import path from "node:path"
import { args, percentile, table, writeResults } from "./lib.mjs"
import { catalogueRows, startSearchStore } from "./search-lib.mjs"
import { step } from "../../scripts/lib/proc.mjs"

const opt = args({
  products: 10000,
  requests: 300,
  port: 9224,
  reuse: "",
  seed: 5,
  // the store's PostgreSQL cluster; keep it and pass --reuse 1 to measure again without seeding
  "data-dir": "",
  // seed processes side by side (10,000 products through the product workflows: ~3/s per process on a loaded machine)
  "seed-processes": 3,
  // seconds between the index being ready and the first request: a server that has just started reads its
  // catalogue's product structures in the background (~20–30 s at 10,000 products on 2 cores, logged as
  // "offers: read N product structures"), and the figures are for a server past that
  settle: 45,
})
const reuse = !!opt.reuse && opt.reuse !== "0"
let s = opt.seed >>> 0
const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296
const pick = (xs) => xs[Math.floor(rand() * xs.length)]

const { rows, dir } = await catalogueRows(opt.products, { images: !reuse })
const dataDir = opt["data-dir"]
  ? path.resolve(opt["data-dir"], "postgres")
  : undefined
// --products 0: the demo catalogue, the same store as eval:search (so --reuse 1 can share it)
const store = await startSearchStore({
  name: opt.products
    ? `curatorai_search_bench_${opt.products}`
    : "curatorai_search_eval",
  rows,
  dir,
  port: opt.port,
  reuse,
  dataDir,
  seedProcesses: opt.products > 1000 ? opt["seed-processes"] : 1,
  // a 10,000-product seed takes long on a busy machine: a run stopped while seeding continues where it was
  resume: true,
  // a text-search store: no photo embedding on product events (the seed's main cost besides the workflows), larger batches
  env: { CURATOR_VISUAL_INDEXING: "false", CURATOR_SEED_BATCH: "50" },
})
const { backendUrl, pk, regions } = store

// queries shoppers type: colours, article types, both, misspelt ones, and filtered listings
const colours = [
  ...new Set(rows.map((r) => r.baseColour).filter((c) => c && c !== "NA")),
]
const types = [...new Set(rows.map((r) => r.articleType))]
const typo = (w) =>
  w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w
const searchUrl = () => {
  const region = pick([regions.eur, regions.usd])
  const kind = rand()
  const p = new URLSearchParams({ region_id: region.id, limit: "24" })
  let name
  if (kind < 0.35) {
    name = "colour + type"
    p.set("q", `${pick(colours)} ${pick(types)}`.toLowerCase())
  } else if (kind < 0.55) {
    name = "type"
    p.set("q", pick(types).toLowerCase())
  } else if (kind < 0.7) {
    name = "misspelt type"
    p.set("q", typo(pick(types).toLowerCase()))
  } else if (kind < 0.85) {
    name = "type + size"
    p.set("q", pick(types).toLowerCase())
    p.set("size", pick(["S", "M", "L", "XL"]))
  } else {
    name = "size + budget by price"
    p.set("size", pick(["M", "L"]))
    p.set("max_price", "60")
    p.set("sort", "price_asc")
  }
  searchUrl.kind = name
  return `/store/search?${p}`
}
const suggestUrl = () => {
  const word = pick([...types, ...colours]).toLowerCase()
  return `/store/search/suggest?q=${encodeURIComponent(word.slice(0, 2 + Math.floor(rand() * 3)))}&region_id=${regions.eur.id}`
}

// one client's search times by kind of query, with the Server-Timing of each kind's slowest request
const byKind = {}
let recordKinds = false
async function timed(url) {
  const t0 = performance.now()
  const res = await fetch(`${backendUrl}${url}`, {
    headers: { "x-publishable-api-key": pk },
  })
  await res.arrayBuffer()
  if (!res.ok) throw new Error(`${url} → ${res.status}`)
  const ms = performance.now() - t0
  if (recordKinds && url.startsWith("/store/search?")) {
    const k = (byKind[searchUrl.kind] ??= { times: [], slowest: 0, timing: "" })
    k.times.push(ms)
    if (ms > k.slowest) {
      k.slowest = ms
      k.timing = res.headers.get("server-timing") ?? ""
    }
  }
  return ms
}

async function load(makeUrl, clients, total) {
  const times = []
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        next++
        times.push(await timed(makeUrl()))
      }
    })
  )
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: total / ((performance.now() - t0) / 1000),
  }
}

try {
  if (opt.settle > 0) {
    step(`letting the server settle for ${opt.settle} s`)
    await new Promise((r) => setTimeout(r, opt.settle * 1000))
  }
  step(`warming up (${new Date().toISOString()})`)
  for (let i = 0; i < 30; i++) {
    await timed(searchUrl())
    await timed(suggestUrl())
  }
  const results = {}
  for (const [name, make] of [
    ["search", searchUrl],
    ["suggest", suggestUrl],
  ]) {
    for (const clients of [1, 8]) {
      recordKinds = clients === 1
      results[`${name}_${clients}`] = await load(make, clients, opt.requests)
      recordKinds = false
    }
  }
  const fmt = (r) =>
    `p50 ${r.p50.toFixed(1)} ms · p95 ${r.p95.toFixed(1)} ms · p99 ${r.p99.toFixed(1)} ms · ${r.rps.toFixed(0)} req/s`
  step(
    `text search over HTTP, ${rows.length} products (${opt.requests} requests per row)`
  )
  table([
    ["search, 1 client", `${fmt(results.search_1)} (must p95 ≤ 100 ms)`],
    ["search, 8 clients", fmt(results.search_8)],
    ["suggest, 1 client", `${fmt(results.suggest_1)} (must p95 ≤ 50 ms)`],
    ["suggest, 8 clients", fmt(results.suggest_8)],
  ])
  console.log(
    "\nsearch at one client, by kind of query (slowest request's Server-Timing)"
  )
  table(
    Object.entries(byKind).map(([kind, k]) => [
      `${kind} (${k.times.length})`,
      `p50 ${percentile(k.times, 50).toFixed(1)} ms · p95 ${percentile(k.times, 95).toFixed(1)} ms · slowest ${k.slowest.toFixed(0)} ms: ${k.timing}`,
    ])
  )
  results.search_1_by_kind = Object.fromEntries(
    Object.entries(byKind).map(([kind, k]) => [
      kind,
      {
        n: k.times.length,
        p50: percentile(k.times, 50),
        p95: percentile(k.times, 95),
      },
    ])
  )
  const file = writeResults(`bench-search-${rows.length}`, {
    products: rows.length,
    requests: opt.requests,
    ...results,
  })
  step(`written ${file}`)
  step(
    `measure again on this store without seeding: ${process.env.CURATOR_BENCH_PG_PORT ? `CURATOR_BENCH_PG_PORT=${process.env.CURATOR_BENCH_PG_PORT} ` : ""}npm run bench:search -- --products ${opt.products}${dataDir ? ` --data-dir ${path.dirname(dataDir)}` : ""} --reuse 1`
  )
  if (results.search_1.p95 > 100 || results.suggest_1.p95 > 50)
    process.exitCode = 1
} finally {
  await store.stop()
}
