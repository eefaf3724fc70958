#!/usr/bin/env node
// npm run bench:hnsw [-- --photos 5000 --queries 300]
// Recall@20 of the usearch HNSW index against exact search, on real vectors:
// the active embedder's vectors of shared catalogue photos, queried with
// shopper photos of other products.
import fs from "node:fs"
import path from "node:path"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../lib/dataset.mjs"
import { args, backendTs, table, writeResults } from "./lib.mjs"

const opt = args({ photos: 5000, queries: 300, embedder: "classic" })
const { createEmbedder } = backendTs(
  "src/modules/visual-search/embedders/index.ts"
)
const { VectorIndex } = backendTs("src/modules/visual-search/vector-index.ts")
const { shopperPhoto, mulberry32 } = backendTs("test-fixtures/shopper-photo.ts")
const { embedder } = await createEmbedder(
  opt.embedder,
  {},
  { info() {}, warn() {} }
)
const rows = readStyles(DATASET_DIR).filter((r) =>
  SELLABLE_MASTER.has(r.masterCategory)
)
const photo = (r) =>
  fs.readFileSync(path.join(DATASET_DIR, "images", `${r.id}.jpg`))
const images = []
const t0 = performance.now()
for (const r of rows.slice(0, opt.photos)) {
  const [vector] = await embedder.embedImages([photo(r)])
  images.push({
    id: r.id,
    product_id: r.id,
    image_url: r.id,
    vector,
    phash: null,
    phash_mirror: null,
    colour: null,
  })
}
const embedMs = (performance.now() - t0) / images.length
const exact = new VectorIndex(Infinity)
const hnsw = new VectorIndex(0)
exact.upsert(images)
hnsw.upsert(images)
const rand = mulberry32(5)
const queries = []
for (const r of rows.slice(opt.photos).slice(0, opt.queries))
  queries.push(
    (await embedder.embedImages([await shopperPhoto(photo(r), rand)]))[0]
  )
let hits = 0
let tExact = 0
let tHnsw = 0
hnsw.search(queries[0], 20) // builds the graph
for (const q of queries) {
  let t = performance.now()
  const truth = new Set(exact.search(q, 20).map((n) => n.image.id))
  tExact += performance.now() - t
  t = performance.now()
  hits += hnsw.search(q, 20).filter((n) => truth.has(n.image.id)).length
  tHnsw += performance.now() - t
}
const figures = {
  embedder: embedder.id,
  vectors: images.length,
  queries: queries.length,
  "recall@20": +(hits / (queries.length * 20)).toFixed(4),
  exact_ms: +(tExact / queries.length).toFixed(3),
  hnsw_ms: +(tHnsw / queries.length).toFixed(3),
  embed_ms_per_image: +embedMs.toFixed(1),
}
console.log("\nHNSW vs exact search on real vectors")
table(Object.entries(figures).map(([k, v]) => [k, String(v)]))
console.log(`\nwrote ${writeResults("hnsw-recall", figures)}`)
await embedder.close?.()
