#!/usr/bin/env node
// Picks the demo catalogue from the shared Myntra photo set and copies its
// photos into the repo (users of the project do not have ../shared).
// Deterministic: the same dataset always gives the same ~420 products,
// stratified by article type so every kind of garment is represented.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../lib/dataset.mjs"

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  ".."
)
const out = path.join(root, "backend/data/demo-catalog")
const TARGET = Number(process.argv[2] || 420)

const rows = readStyles(DATASET_DIR).filter((r) =>
  SELLABLE_MASTER.has(r.masterCategory)
)
const byType = new Map()
for (const r of rows) {
  if (!byType.has(r.articleType)) byType.set(r.articleType, [])
  byType.get(r.articleType).push(r)
}
const types = [...byType.entries()].filter(([, list]) => list.length >= 6)
const total = types.reduce((s, [, l]) => s + l.length, 0)
const picked = []
for (const [, list] of types) {
  list.sort((a, b) => Number(a.id) - Number(b.id))
  const n = Math.max(3, Math.round((list.length / total) * TARGET))
  const step = list.length / n
  for (let i = 0; i < n; i++) picked.push(list[Math.floor(i * step)])
}
picked.sort((a, b) => Number(a.id) - Number(b.id))

fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(path.join(out, "images"), { recursive: true })
const header =
  "id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage"
const lines = picked.map((r) =>
  header
    .split(",")
    .map((k) => r[k])
    .join(",")
)
fs.writeFileSync(
  path.join(out, "styles.csv"),
  [header, ...lines].join("\n") + "\n"
)
for (const r of picked) {
  fs.copyFileSync(
    path.join(DATASET_DIR, "images", `${r.id}.jpg`),
    path.join(out, "images", `${r.id}.jpg`)
  )
}
console.log(
  `demo catalogue: ${picked.length} products from ${types.length} article types -> ${path.relative(root, out)}`
)
