#!/usr/bin/env node
// npm run bench:recommendations [-- --products 10000 --shoppers 10000 --interactions 1000000 --requests 200 --reuse 1]
// A store of real products (seeded like the visual/search benchmarks), then
// `interactions` recommendation signals of `shoppers` synthetic shoppers
// bulk-inserted with SQL (each shopper has a taste cluster of products plus
// popularity-skewed strays); then: training time (POST /admin/recommendations/train)
// and the backend's peak memory, and GET /store/customers/me/recommendations
// latency (products and outfits; computed and cached) at 1 and 8 clients.
// --reuse 1: the store an earlier run seeded (kept under .data/bench-postgres,
// database curatorai_bench_recs) is started again as it was; signals are
// re-inserted only when their count differs. --data-dir DIR --store DB: a
// store another benchmark seeded with the same rows (bench:search's 10k store).
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { step } from "../../scripts/lib/proc.mjs"
import { catalogueRows } from "./search-lib.mjs"
import {
  args,
  backendTs,
  percentile,
  startStore,
  table,
  writeResults,
} from "./lib.mjs"

const opt = args({
  products: 10000,
  shoppers: 10000,
  interactions: 1000000,
  requests: 200,
  clients: 8,
  port: 9203,
  reuse: "",
  offline: "",
  // another benchmark's seeded store of the same products (e.g. bench:search's
  // --data-dir and its database curatorai_search_bench_10000): seeding 10,000
  // products takes long here, and the products are the same rows
  "data-dir": "",
  store: "curatorai_bench_recs",
  // seconds to wait before measuring (see below); 0 measures a server that has just started
  settle: 45,
})
const reuse = !!opt.reuse && opt.reuse !== "0"

// --offline 1: the training algorithm alone, in this process, on the same
// synthetic interaction scheme (no store, no HTTP): time and peak memory at
// full scale in seconds, where seeding a 10,000-product store takes long.
if (opt.offline && opt.offline !== "0") {
  const { trainCooccurrence } = backendTs(
    "src/modules/recommendations/algorithm/cooccurrence.ts"
  )
  let seed = 17
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647
  const items = Array.from(
    { length: opt.products },
    (_, i) => `prod_${String(i).padStart(8, "0")}`
  )
  const per = Math.max(1, Math.floor(opt.products / 100))
  const net = Array.from({ length: opt.shoppers }, () => new Map())
  const kinds = [0.2, 0.2, 0.2, 0.2, 0.6, 0.6, 1, 1, 0.7, -1]
  for (let g = 1; g <= opt.interactions; g++) {
    const s = g % opt.shoppers
    const n =
      rand() < 0.7
        ? (s % 100) * per + Math.floor(rand() * per)
        : Math.floor(Math.pow(rand(), 3) * opt.products)
    const id = items[Math.min(n, opt.products - 1)]
    net[s].set(id, (net[s].get(id) ?? 0) + kinds[Math.floor(rand() * 10)])
  }
  const baskets = net.map((m) =>
    [...m].filter(([, w]) => w > 0).map(([id]) => id)
  )
  const rssBefore = process.memoryUsage().rss
  const t0 = performance.now()
  const model = trainCooccurrence(baskets, { lambda: 1, topK: 30 })
  const seconds = (performance.now() - t0) / 1000
  const figures = {
    mode: "offline (algorithm only)",
    products: opt.products,
    shoppers: opt.shoppers,
    interactions: opt.interactions,
    baskets_items: model.stats.items,
    train_seconds: +seconds.toFixed(1),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    rss_before_training_mb: Math.round(rssBefore / 1048576),
    model_json_mb: +(JSON.stringify(model.neighbours).length / 1e6).toFixed(1),
  }
  console.log("\nRecommendations training, offline (2 shared cores)")
  table([
    [
      "interactions",
      `${opt.interactions} of ${opt.shoppers} shoppers over ${opt.products} products (${model.stats.items} with a net-positive signal)`,
    ],
    ["training (sparse co-occurrence, top-30)", `${figures.train_seconds} s`],
    [
      "peak RSS of this process",
      `${figures.peak_rss_mb} MB (${figures.rss_before_training_mb} MB before training)`,
    ],
    ["model size (neighbours as JSON)", `${figures.model_json_mb} MB`],
  ])
  console.log(
    `\nwrote ${writeResults("bench-recommendations-offline", { options: opt, ...figures })}`
  )
  process.exit(0)
}
const { rows, dir } = await catalogueRows(opt.products)
const seedStart = Date.now()
const store = await startStore({
  name: opt.store,
  ids: rows.map((r) => r.id),
  port: opt.port,
  embedder: "classic",
  datasetDir: dir,
  reuse,
  ...(opt["data-dir"]
    ? {
        dataDir: path.resolve(opt["data-dir"], "postgres"),
        // that store was seeded without photo embedding: do not start it now
        env: { CURATOR_VISUAL_INDEXING: "false" },
      }
    : {}),
})
const seedSeconds = (Date.now() - seedStart) / 1000
const { api, backend, backendUrl, pk } = store
const db = new pg.Client({ connectionString: store.url })
await db.connect()

let peakRss = 0
const sampleRss = () => {
  // the medusa CLI forks the server: the largest resident high-water mark in the process group
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(" ")
      if (Number(stat[4]) !== backend.pid) continue
      const hwm = fs
        .readFileSync(`/proc/${pid}/status`, "utf8")
        .match(/VmHWM:\s+(\d+)/)
      if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024)
    } catch {
      // a process that ended between the listing and the read (one per pid, not the whole sample)
    }
  }
}
const sampler = setInterval(sampleRss, 500)

const post = async (p, body, headers = {}) => {
  const res = await fetch(`${backendUrl}${p}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": pk,
      ...headers,
    },
    body: JSON.stringify(body),
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`POST ${p} → ${res.status}: ${json.message}`)
  return json
}

try {
  // ---- bulk signals: shopper s has cluster s % 100 (products in a cluster are
  // contiguous in catalogue order); 70% of a shopper's interactions fall in the
  // cluster, the rest anywhere with a popularity skew (random()^3)
  const { rows: countRows } = await db.query(
    "SELECT count(*)::int AS n FROM rec_signal WHERE customer_id LIKE 'cus_bench_%'"
  )
  if (countRows[0].n !== opt.interactions) {
    const t0 = Date.now()
    step(`inserting ${opt.interactions} signals of ${opt.shoppers} shoppers…`)
    await db.query(
      "DELETE FROM rec_signal WHERE customer_id LIKE 'cus_bench_%'"
    )
    await db.query(`DROP TABLE IF EXISTS bench_products`)
    await db.query(
      `CREATE TABLE bench_products AS SELECT row_number() OVER (ORDER BY created_at, id) - 1 AS n, id FROM product WHERE deleted_at IS NULL AND status = 'published'`
    )
    await db.query(`CREATE UNIQUE INDEX ON bench_products (n)`)
    const { rows: pc } = await db.query(
      "SELECT count(*)::int AS n FROM bench_products"
    )
    const n = pc[0].n
    const per = Math.max(1, Math.floor(n / 100))
    await db.query(
      `INSERT INTO rec_signal (id, customer_id, product_id, kind, weight, created_at, updated_at)
       SELECT 'rsig_bench_' || g, 'cus_bench_' || s, p.id, k.kind, k.weight, now(), now()
       FROM (
         SELECT g, g % $1 AS s,
           CASE WHEN random() < 0.7
             THEN ((g % $1) % 100) * $2 + floor(random() * $2)::int
             ELSE floor(power(random(), 3) * $3)::int END AS n,
           floor(random() * 10)::int AS r
         FROM generate_series(1, $4) g
       ) x
       JOIN bench_products p ON p.n = LEAST(x.n, $3 - 1)
       JOIN (VALUES (0,'view',0.2),(1,'view',0.2),(2,'view',0.2),(3,'view',0.2),(4,'cart',0.6),(5,'cart',0.6),(6,'like',1.0),(7,'purchase',1.0),(8,'look',0.7),(9,'dislike',-1.0))
         AS k(r, kind, weight) ON k.r = x.r`,
      [opt.shoppers, per, n, opt.interactions]
    )
    await db.query("ANALYZE rec_signal")
    step(`inserted in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  } else step(`${opt.interactions} signals of the earlier run (--reuse)`)

  // ---- training, through the admin route; peak memory sampled meanwhile
  const rssBefore = peakRss
  const t0 = Date.now()
  const { model } = await api("/admin/recommendations/train", {
    method: "POST",
  })
  const trainSeconds = (Date.now() - t0) / 1000
  sampleRss()
  step(
    `trained on ${model.shoppers} shoppers × ${model.items} items in ${trainSeconds.toFixed(1)} s`
  )

  // ---- measured shoppers: real customers with a profile and 100 signals each from a cluster
  const { regions } = await api("/store/regions")
  const eur = regions.find((r) => r.currency_code === "eur") ?? regions[0]
  const viewers = []
  for (let v = 0; v < 8; v++) {
    const email = `bench-recs-${Date.now()}-${v}@bench.local`
    const reg = (
      await post("/auth/customer/emailpass/register", {
        email,
        password: "bench-pass-123",
      })
    ).token
    const id = (
      await post(
        "/store/customers",
        { email },
        { authorization: `Bearer ${reg}` }
      )
    ).customer.id
    const token = (
      await post("/auth/customer/emailpass", {
        email,
        password: "bench-pass-123",
      })
    ).token
    const headers = { authorization: `Bearer ${token}` }
    await post(
      "/store/customers/me/style-profile",
      {
        sizes: { top: "M", bottom: "M", shoes: "42" },
        budget: { max_item: 80 },
        gender: v % 2 ? "Women" : "Men",
      },
      headers
    )
    await db.query(
      `INSERT INTO rec_signal (id, customer_id, product_id, kind, weight, created_at, updated_at)
       SELECT 'rsig_benchv_' || $1 || '_' || gen_random_uuid(), $1, product_id, 'like', 1, now(), now()
       FROM (SELECT product_id FROM rec_signal WHERE customer_id = $2 LIMIT 100) s`,
      [id, `cus_bench_${v * 13}`]
    )
    viewers.push({ id, headers })
  }

  const get = async (viewer, params) => {
    const t = performance.now()
    const res = await fetch(
      `${backendUrl}/store/customers/me/recommendations?${new URLSearchParams(params)}`,
      { headers: { "x-publishable-api-key": pk, ...viewer.headers } }
    )
    const body = await res.json()
    if (!res.ok)
      throw new Error(`GET recommendations → ${res.status}: ${body.message}`)
    // where a computed list's time went (Server-Timing is sent only when the list was computed)
    for (const m of (res.headers.get("server-timing") ?? "").matchAll(
      /(\w+);dur=([\d.]+)/g
    ))
      (phases[`${params.kind}:${m[1]}`] ??= []).push(Number(m[2]))
    return { ms: performance.now() - t, n: body.recommendations.length }
  }
  const phases = {}
  // warm-up (model parse; the first use of the offer cache starts its background read if the
  // warm-offers job has not yet)
  for (const v of viewers)
    await get(v, { region_id: eur.id, kind: "product", limit: "4" })
  for (const k of Object.keys(phases)) delete phases[k]
  // a server that has just started reads its catalogue's product structures in the background (~20–35 s at
  // 10,000 products on 2 cores, logged as "offers: read N product structures"); the figures are for a server past that
  if (opt.settle > 0) {
    step(`letting the server settle for ${opt.settle} s`)
    await new Promise((r) => setTimeout(r, opt.settle * 1000))
  }

  let round = 0
  const measure = async (kind, clients, cached) => {
    // computed: every request a new (shopper, limit) key; cached: the keys of the previous computed run again
    const base = cached ? round - 1 : round
    if (!cached) round++
    const lat = []
    let next = 0
    let empty = 0
    const t = performance.now()
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < opt.requests) {
          const i = next++
          const v = viewers[i % viewers.length]
          const limit = 5 + ((Math.floor(i / viewers.length) + base * 7) % 45)
          const r = await get(v, {
            region_id: eur.id,
            kind,
            limit: String(limit),
          })
          lat.push(r.ms)
          if (!r.n) empty++
        }
      })
    )
    return {
      p50: +percentile(lat, 50).toFixed(1),
      p95: +percentile(lat, 95).toFixed(1),
      p99: +percentile(lat, 99).toFixed(1),
      rps: +(lat.length / ((performance.now() - t) / 1000)).toFixed(1),
      empty,
    }
  }
  const http = {}
  for (const kind of ["product", "outfit"])
    for (const c of [1, opt.clients]) {
      http[`${kind}_computed_c${c}`] = await measure(kind, c, false)
      http[`${kind}_cached_c${c}`] = await measure(kind, c, true)
      step(`${kind} c=${c} done`)
    }
  sampleRss()
  const figures = {
    products: rows.length,
    shoppers: model.shoppers,
    items: model.items,
    interactions: opt.interactions,
    seed_seconds: Math.round(seedSeconds),
    train_seconds: +trainSeconds.toFixed(1),
    backend_peak_rss_mb: Math.round(peakRss / 1048576),
    backend_rss_before_training_mb: Math.round(rssBefore / 1048576),
    http_ms: http,
  }
  figures.computed_phases_p50_ms = Object.fromEntries(
    Object.entries(phases).map(([k, v]) => [k, +percentile(v, 50).toFixed(1)])
  )
  console.log("\nRecommendations benchmark (2 shared cores)")
  table([
    ["catalogue", `${figures.products} products`],
    [
      "signals",
      `${opt.interactions} of ${opt.shoppers} shoppers → ${figures.shoppers} baskets, ${figures.items} items`,
    ],
    ["training (admin route)", `${figures.train_seconds} s`],
    [
      "backend peak RSS",
      `${figures.backend_peak_rss_mb} MB (before training ${figures.backend_rss_before_training_mb} MB)`,
    ],
    ...Object.entries(http).map(([k, v]) => [
      `GET ${k.replace(/_/g, " ")} p50/p95/p99`,
      `${v.p50} / ${v.p95} / ${v.p99} ms (${v.rps} req/s${v.empty ? `, ${v.empty} empty` : ""})`,
    ]),
    ...Object.entries(figures.computed_phases_p50_ms).map(([k, v]) => [
      `  computed list, ${k} p50`,
      `${v} ms`,
    ]),
  ])
  console.log(
    `\nwrote ${writeResults("bench-recommendations", { options: opt, ...figures })}`
  )
  console.log(
    "re-measure on this store: npm run bench:recommendations -- --reuse 1"
  )
} finally {
  clearInterval(sampler)
  await db.end()
  await store.stop()
}
