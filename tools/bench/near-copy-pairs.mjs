#!/usr/bin/env node
// npm run bench:near-copy -- (or node tools/bench/near-copy-pairs.mjs) [catalogue=2000] [searches=100]
// Which near-copy checks does a search ask for, and how many of them would a
// background pass over each photo's K nearest photos have made already?
// A catalogue from the shared photos (72% originals, the rest mirrored and
// cropped copies, as bench:visual builds it), the weight-free embedder, and
// shopper photos of catalogue items as queries; each query's 16 nearest
// products are walked as a search walks them (walkAhead), and every pair it
// compares is looked up in the K-nearest lists. Prints the share covered per K
// and the cost of one check.
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { backendTs } from "./lib.mjs"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../lib/dataset.mjs"
const N = Number(process.argv[2] || 2000),
  Q = Number(process.argv[3] || 100)
const { shopperPhoto, mulberry32 } = backendTs("test-fixtures/shopper-photo.ts")
const { createEmbedder } = backendTs(
  "src/modules/visual-search/embedders/index.ts"
)
const { frameOf, parseFrame, isNearCopy } = backendTs(
  "src/modules/visual-search/near-copy/index.ts"
)
const { walkAhead } = backendTs(
  "src/lib/visual-search/near-copy-worker/index.ts"
)
const { normalizeUpload } = backendTs("src/lib/uploads/index.ts")
const rand = mulberry32(5)
const rows = readStyles(DATASET_DIR)
  .filter((r) => SELLABLE_MASTER.has(r.masterCategory))
  .slice(0, Math.round(N * 0.72))
const { embedder } = await createEmbedder(
  "classic",
  {},
  { info() {}, warn: console.warn }
)
const cat = [] // {pid, vec, frame}
const t0 = Date.now()
for (let i = 0; i < N; i++) {
  const r = rows[i % rows.length]
  const ed = Math.floor(i / rows.length)
  let buf = fs.readFileSync(path.join(DATASET_DIR, "images", `${r.id}.jpg`))
  if (ed) {
    const m = 4 * ed
    buf = await sharp(buf)
      .flop()
      .extract({ left: m, top: m, width: 224 - 2 * m, height: 224 - 2 * m })
      .resize(224, 224)
      .jpeg({ quality: 88 })
      .toBuffer()
  }
  const [vec] = await embedder.embedImages([buf])
  cat.push({ pid: `${r.id}-${ed}`, vec, frame: parseFrame(await frameOf(buf)) })
}
console.error(`catalogue ${N} in ${(Date.now() - t0) / 1000}s`)
const dims = cat[0].vec.length
const dot = (a, b) => {
  let s = 0
  for (let i = 0; i < dims; i++) s += a[i] * b[i]
  return s
}
// neighbour ranks
const K = 200
const nbr = cat.map((a, i) =>
  cat
    .map((b, j) => [j, dot(a.vec, b.vec)])
    .filter(([j]) => j !== i)
    .sort((x, y) => y[1] - x[1])
    .slice(0, K)
    .map(([j]) => j)
)
const rank = nbr.map((l) => new Map(l.map((j, r) => [j, r])))
const pairs = []
const cost = { search: [0, 0], nb: [0, 0] }
for (let q = 0; q < Q; q++) {
  const r = rows[Math.floor(rand() * rows.length)]
  const { jpeg } = await normalizeUpload(
    await shopperPhoto(
      fs.readFileSync(path.join(DATASET_DIR, "images", `${r.id}.jpg`)),
      rand
    )
  )
  const [v] = await embedder.embedImages([jpeg])
  const order = cat
    .map((c, i) => [i, dot(c.vec, v)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 16)
    .map(([i]) => i)
  walkAhead(
    [],
    order.map((i) => [i]),
    12,
    (x, y) => {
      const t = performance.now()
      isNearCopy(cat[x].frame, cat[y].frame)
      cost.search[0] += performance.now() - t
      cost.search[1]++
      pairs.push([x, y])
      return false
    }
  )
}
const uniq = new Set(pairs.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)))
console.log(
  `search pairs ${pairs.length} (${uniq.size} distinct), ${(pairs.length / Q).toFixed(0)} per search, ${(cost.search[0] / cost.search[1]).toFixed(3)} ms per pair`
)
for (const k of [10, 20, 40, 50, 100, 200]) {
  let hit = 0
  for (const [a, b] of pairs)
    if ((rank[a].get(b) ?? 1e9) < k || (rank[b].get(a) ?? 1e9) < k) hit++
  console.log(
    `K=${k}: ${((hit / pairs.length) * 100).toFixed(1)}% of the pairs searches asked about are within K of each other; a pass decides at most ${N * k} pairs`
  )
}
// cost of one check between neighbours (K=40, a sample)
let t = performance.now(),
  n = 0
for (let i = 0; i < Math.min(200, N); i++)
  for (const j of nbr[i].slice(0, 40)) {
    isNearCopy(cat[i].frame, cat[j].frame)
    n++
  }
console.log(
  `neighbour pair cost ${((performance.now() - t) / n).toFixed(3)} ms per pair`
)
