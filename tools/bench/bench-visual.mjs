#!/usr/bin/env node
// npm run bench:visual [-- --products 10000 --requests 200 --embedder classic]
// A 10,000-product catalogue (the shared photos; beyond the ~7,200 sellable ones,
// mirrored and cropped copies under new ids), then: indexing throughput, the raw
// embedder time per image, HTTP latency at concurrency 1 and 8, the
// end-to-end/raw ratio and the backend's peak memory.
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../lib/dataset.mjs"
import { ROOT, step } from "../../scripts/lib/proc.mjs"
import {
  args,
  backendTs,
  percentile,
  reindexAll,
  startStore,
  table,
  visualSearch,
  warmOfferSheets,
  writeResults,
} from "./lib.mjs"

const opt = args({
  products: 10000,
  requests: 200,
  embedder: "classic",
  port: 9201,
  seed: 11,
  reuse: "",
  reindex: 0,
})
// --reuse 1: the store an earlier run seeded and indexed (same products), for a second measurement of the
// searches, e.g. with another backend setting; indexing is then measured only with --reindex N (N products)
const reuse = !!opt.reuse && opt.reuse !== "0"
const { shopperPhoto, mulberry32 } = backendTs("test-fixtures/shopper-photo.ts")
const rand = mulberry32(opt.seed)

// ---- the dataset folder the seed reads: real photos linked, extra ones transformed
const dir = path.join(ROOT, ".data", "bench-dataset")
fs.mkdirSync(path.join(dir, "images"), { recursive: true })
const rows = readStyles(DATASET_DIR).filter((r) =>
  SELLABLE_MASTER.has(r.masterCategory)
)
const out = []
for (let i = 0; out.length < opt.products; i++) {
  const r = rows[i % rows.length]
  const edition = Math.floor(i / rows.length)
  const id = edition ? String(Number(r.id) * 10 + edition) + "0" : r.id
  const file = path.join(dir, "images", `${id}.jpg`)
  if (!fs.existsSync(file)) {
    if (edition) {
      const m = 4 * edition
      await sharp(path.join(DATASET_DIR, "images", `${r.id}.jpg`))
        .flop()
        .extract({ left: m, top: m, width: 224 - 2 * m, height: 224 - 2 * m })
        .resize(224, 224)
        .jpeg({ quality: 88 })
        .toFile(file)
    } else fs.symlinkSync(path.join(DATASET_DIR, "images", `${r.id}.jpg`), file)
  }
  out.push({ ...r, id })
}
const header =
  "id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage"
fs.writeFileSync(
  path.join(dir, "styles.csv"),
  [
    header,
    ...out.map((r) =>
      header
        .split(",")
        .map((k) => r[k])
        .join(",")
    ),
  ].join("\n") + "\n"
)

const seedStart = Date.now()
const store = await startStore({
  name: "curatorai_bench",
  ids: out.map((r) => r.id),
  port: opt.port,
  embedder: opt.embedder,
  datasetDir: dir,
  reuse,
})
const seedSeconds = (Date.now() - seedStart) / 1000
const { api, backend } = store
let peakRss = 0
const sampler = setInterval(() => {
  try {
    // the medusa CLI forks the server: take the largest resident set in the process group
    for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(" ")
      if (Number(stat[4]) !== backend.pid) continue
      const hwm = fs
        .readFileSync(`/proc/${pid}/status`, "utf8")
        .match(/VmHWM:\s+(\d+)/)
      if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024)
    }
  } catch {}
}, 1000)
try {
  let indexing = {
    status: await api("/admin/visual-search/status"),
    imagesPerMinute: null,
  }
  if (
    !reuse ||
    !indexing.status.counts.indexed ||
    indexing.status.counts.pending_products > 0
  ) {
    indexing = await reindexAll(api)
    step(
      `indexed ${indexing.status.counts.indexed} images at ${indexing.imagesPerMinute}/min`
    )
  } else {
    step(
      `${indexing.status.counts.indexed} images indexed by the earlier run (${indexing.status.embedder.id})`
    )
    if (opt.reindex > 0) {
      const { products } = await api(
        `/admin/products?limit=${opt.reindex}&fields=id&order=created_at`
      )
      const again = await reindexAll(
        api,
        products.map((p) => p.id)
      )
      indexing = {
        status: await api("/admin/visual-search/status"),
        imagesPerMinute: again.imagesPerMinute,
      }
      step(
        `reindexed ${products.length} products at ${indexing.imagesPerMinute} images/min`
      )
    }
  }
  const { regions } = await api("/store/regions")

  // raw embedder time, in this process, on the same shopper photos the HTTP test sends
  const queries = []
  for (let i = 0; i < opt.requests; i++) {
    const r = rows[Math.floor(rand() * rows.length)]
    queries.push(
      await shopperPhoto(
        fs.readFileSync(path.join(DATASET_DIR, "images", `${r.id}.jpg`)),
        rand
      )
    )
  }
  const { createEmbedder } = backendTs(
    "src/modules/visual-search/embedders/index.ts"
  )
  // the backend's own choice of model (medusa-config.ts reads the same variables)
  const { embedder } = await createEmbedder(
    opt.embedder,
    {
      clipModel: process.env.CURATOR_CLIP_MODEL || undefined,
      modelDir: process.env.CURATOR_MODEL_DIR || undefined,
    },
    { info() {}, warn: console.warn }
  )
  const { normalizeUpload } = backendTs("src/lib/uploads/index.ts")
  const raw = []
  for (const q of queries.slice(0, 100)) {
    const t0 = performance.now()
    const { jpeg } = await normalizeUpload(q)
    await embedder.embedImages([jpeg])
    raw.push(performance.now() - t0)
  }
  await embedder.close?.()

  const http = {}
  const phaseSums = {}
  await warmOfferSheets(api, regions, queries[0])
  for (const q of queries.slice(0, 10))
    await visualSearch(api, q, { region_id: regions[0].id, limit: 12 }) // warm-up
  for (const concurrency of [1, 8]) {
    const lat = []
    let next = 0
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < queries.length) {
          const q = queries[next++]
          const { ms, phases } = await visualSearch(api, q, {
            region_id: regions[next % regions.length].id,
            limit: 12,
            ...(next % 2 ? { size: "M" } : {}),
            ...(next % 3 ? { max_price: 60 } : {}),
          })
          lat.push(ms)
          if (concurrency === 1)
            for (const [k, v] of Object.entries(phases))
              phaseSums[k] = (phaseSums[k] ?? 0) + v / queries.length
        }
      })
    )
    http[`c${concurrency}`] = {
      p50: +percentile(lat, 50).toFixed(1),
      p95: +percentile(lat, 95).toFixed(1),
      p99: +percentile(lat, 99).toFixed(1),
      rps: +(lat.length / ((performance.now() - t0) / 1000)).toFixed(1),
    }
  }
  const rawP50 = percentile(raw, 50)
  const figures = {
    embedder: indexing.status.embedder.id,
    products: opt.products,
    indexed_images: indexing.status.counts.indexed,
    index_mode: indexing.status.index.mode,
    seed_seconds: Math.round(seedSeconds),
    indexing_images_per_minute: indexing.imagesPerMinute,
    raw_embed_ms: {
      p50: +rawP50.toFixed(1),
      p95: +percentile(raw, 95).toFixed(1),
    },
    http_ms: http,
    end_to_end_over_raw: +(http.c1.p50 / rawP50).toFixed(2),
    server_phases_mean_ms_c1: Object.fromEntries(
      Object.entries(phaseSums).map(([k, v]) => [k, +v.toFixed(1)])
    ),
    backend_peak_rss_mb: Math.round(peakRss / 1048576),
  }
  console.log("\nVisual search benchmark (2 cores)")
  table([
    ["embedder", figures.embedder],
    [
      "catalogue",
      `${figures.products} products, ${figures.indexed_images} images indexed (${figures.index_mode})`,
    ],
    [
      "indexing",
      figures.indexing_images_per_minute === null
        ? "not measured (--reuse)"
        : `${figures.indexing_images_per_minute} images/min`,
    ],
    [
      "raw embed p50 / p95",
      `${figures.raw_embed_ms.p50} / ${figures.raw_embed_ms.p95} ms`,
    ],
    [
      "HTTP c=1 p50/p95/p99",
      `${http.c1.p50} / ${http.c1.p95} / ${http.c1.p99} ms (${http.c1.rps} req/s)`,
    ],
    [
      "HTTP c=8 p50/p95/p99",
      `${http.c8.p50} / ${http.c8.p95} / ${http.c8.p99} ms (${http.c8.rps} req/s)`,
    ],
    ["end-to-end / raw (p50)", `${figures.end_to_end_over_raw}×`],
    [
      "server phases, mean ms (c=1)",
      Object.entries(figures.server_phases_mean_ms_c1)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
    ],
    ["backend peak RSS", `${figures.backend_peak_rss_mb} MB`],
  ])
  console.log(
    `\nwrote ${writeResults("bench-visual", { options: opt, ...figures })}`
  )
} finally {
  clearInterval(sampler)
  await store.stop()
}
