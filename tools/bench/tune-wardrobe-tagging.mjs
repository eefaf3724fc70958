#!/usr/bin/env node
// node bench/tune-wardrobe-tagging.mjs [--queries 300 --offset 7]
// Offline, in-process: embeds the demo catalogue and shopper photos (a sample
// disjoint from eval:wardrobe's with --offset) with the classic embedder and
// scores voting parameters for auto-tagging. Picks what tag-vote.ts ships.
import fs from "node:fs"
import path from "node:path"
import { DATASET_DIR } from "../lib/dataset.mjs"
import { BACKEND } from "../../scripts/lib/proc.mjs"
import { args, backendTs } from "./lib.mjs"
import { evalQueries, mixedBackgroundPhoto } from "./wardrobe-photos.mjs"

const opt = args({ queries: 300, offset: 7, seed: 5 })
const { shopperPhoto, mulberry32 } = backendTs("test-fixtures/shopper-photo.ts")
const { createEmbedder } = backendTs(
  "src/modules/visual-search/embedders/index.ts"
)
const { LabelSpace } = backendTs("src/lib/wardrobe/tag-vote.ts")
const { garmentCutout } = backendTs(
  "src/modules/visual-search/garment-cutout.ts"
)
const { colourShares } = backendTs("src/lib/wardrobe/colour-names.ts")
const { normalizeUpload } = backendTs("src/lib/uploads/index.ts")
const rand = mulberry32(opt.seed)
const { embedder } = await createEmbedder(
  "classic",
  {},
  { info() {}, warn() {}, error() {} }
)
const { demoRows, catalogueColours, queries } = evalQueries(
  opt.queries,
  3,
  opt.offset
)
const embed = async (bufs) => {
  const out = []
  for (let i = 0; i < bufs.length; i += 16)
    out.push(...(await embedder.embedImages(bufs.slice(i, i + 16))))
  return out
}
const catVecs = await embed(
  demoRows.map((r) =>
    fs.readFileSync(
      path.join(BACKEND, "data/demo-catalog/images", `${r.id}.jpg`)
    )
  )
)
const photos = []
for (const [i, row] of queries.entries()) {
  const original = fs.readFileSync(
    path.join(DATASET_DIR, "images", `${row.id}.jpg`)
  )
  const img =
    i % 2
      ? await mixedBackgroundPhoto(original, rand)
      : await shopperPhoto(original, rand)
  photos.push((await normalizeUpload(img)).jpeg)
}
const qRaw = await embed(photos)
const pixels = [],
  cuts = []
for (const p of photos) {
  const c = await garmentCutout(p)
  pixels.push(c.pixels)
  cuts.push(c.onWhite)
}
const qCut = await embed(cuts)
// the query vector of each strategy: the photo, its cut-out on white, or both summed
const MODES = {
  photo: (i) => qRaw[i],
  cutout: (i) => qCut[i],
  both: (i) => qRaw[i].map((x, k) => x + qCut[i][k]),
}
let qVecs = qRaw
const kind = embedder.kind ?? [0, embedder.dimensions]
const types = new LabelSpace(
  demoRows.map((r, i) => ({
    vector: catVecs[i],
    label: r.articleType,
    product_id: r.id,
  })),
  kind
)
const colourRange =
  kind[1] < embedder.dimensions
    ? [kind[1], embedder.dimensions]
    : [0, embedder.dimensions]
const colours = new LabelSpace(
  demoRows
    .filter((r) => r.baseColour && r.baseColour !== "NA")
    .map((r) => ({
      vector: catVecs[demoRows.indexOf(r)],
      label: r.baseColour,
      product_id: r.id,
    })),
  colourRange
)
const fullColours = new LabelSpace(
  demoRows
    .filter((r) => r.baseColour && r.baseColour !== "NA")
    .map((r) => ({
      vector: catVecs[demoRows.indexOf(r)],
      label: r.baseColour,
      product_id: r.id,
    })),
  [0, embedder.dimensions]
)
const rank = (votes) =>
  [...votes.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k)
const score = (space, params, truth) => {
  let t1 = 0,
    t3 = 0
  queries.forEach((row, i) => {
    const r = rank(space.vote(qVecs[i], params))
    if (r[0] === truth(row)) t1++
    if (r.slice(0, 3).includes(truth(row))) t3++
  })
  return [t1 / queries.length, t3 / queries.length]
}
console.log(`embedder ${embedder.id}, kind ${kind}, ${queries.length} photos`)
const grid = []
for (const mode of Object.keys(MODES)) {
  qVecs = queries.map((_, i) => MODES[mode](i))
  for (const centreWeight of [0, 0.3, 0.6])
    for (const centreTemperature of [0.05])
      for (const knn of [10, 25])
        for (const knnTemperature of [0.02, 0.05]) {
          const p = { centreWeight, centreTemperature, knn, knnTemperature }
          grid.push({
            p: { mode, ...p },
            type: score(types, p, (r) => r.articleType),
          })
        }
}
grid.sort((a, b) => b.type[1] + b.type[0] - a.type[1] - a.type[0])
console.log("article type (top-1, top-3):")
for (const g of grid.slice(0, 6))
  console.log(
    "  ",
    JSON.stringify(g.p),
    g.type.map((x) => x.toFixed(3)).join(" ")
  )
const cq = queries
  .map((r, i) => i)
  .filter((i) => catalogueColours.has(queries[i].baseColour))
const colourScore = (space, p, pixelWeight) => {
  let t1 = 0
  for (const i of cq) {
    const v = space.vote(qVecs[i], p)
    const px = colourShares(pixels[i], catalogueColours)
    const m = new Map()
    for (const [k, x] of v) m.set(k, (m.get(k) ?? 0) + (1 - pixelWeight) * x)
    for (const [k, x] of px) m.set(k, (m.get(k) ?? 0) + pixelWeight * x)
    if (rank(m)[0] === queries[i].baseColour) t1++
  }
  return t1 / cq.length
}
const cgrid = []
for (const mode of Object.keys(MODES)) {
  qVecs = queries.map((_, i) => MODES[mode](i))
  for (const space of ["colour-head", "full"])
    for (const centreWeight of [0, 0.5])
      for (const centreTemperature of [0.05])
        for (const pixelWeight of [0, 0.3, 0.6, 1]) {
          const p = {
            centreWeight,
            centreTemperature,
            knn: 25,
            knnTemperature: 0.05,
          }
          cgrid.push({
            space,
            p: { mode, ...p },
            pixelWeight,
            c: colourScore(
              space === "full" ? fullColours : colours,
              p,
              pixelWeight
            ),
          })
        }
}
cgrid.sort((a, b) => b.c - a.c)
console.log(`colour top-1 (${cq.length} photos):`)
for (const g of cgrid.slice(0, 6))
  console.log(
    "  ",
    g.space,
    JSON.stringify(g.p),
    "pixels",
    g.pixelWeight,
    g.c.toFixed(3)
  )
await embedder.close?.()
