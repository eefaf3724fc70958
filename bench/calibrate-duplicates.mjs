#!/usr/bin/env node
// npm run calibrate:duplicates [-- --photos 600]
// Calibrates the near-duplicate thresholds of src/lib/visual-search/duplicates.ts
// on the shared dataset. Positives: a photo and a transformed copy (resize +
// recompression, crop, mirror, slight re-colour, watermark). Negatives: a photo
// and each of its 10 nearest *other* products by embedding — the hard cases
// (same design in another colour, near-identical catalogue shots).
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../scripts/lib/dataset.mjs"
import { args, backendTs, table, writeResults } from "./lib.mjs"

const opt = args({ photos: 600, embedder: "classic", "max-false-merge": 0.001 })
const { imageSignature, normalizedThumb, colourDistance, phashDistance } = backendTs("src/lib/images.ts")
const { imagesAreDuplicates, thumbCorrelation, DUPLICATE_THRESHOLDS } = backendTs("src/lib/visual-search/duplicates.ts")
const { createEmbedder } = backendTs("src/modules/visual-search/embedders/index.ts")
const { embedder } = await createEmbedder(opt.embedder, {}, { info() {}, warn() {} })

const rows = readStyles(DATASET_DIR).filter((r) => SELLABLE_MASTER.has(r.masterCategory)).sort((a, b) => Number(a.id) - Number(b.id))
const sample = Array.from({ length: Math.min(opt.photos, rows.length) }, (_, i) => rows[Math.floor((i * rows.length) / opt.photos)])
const mark = Buffer.from(`<svg width="224" height="224"><text x="12" y="212" font-size="20" font-family="sans-serif" fill="rgba(0,0,0,0.4)">© outlet-shop</text></svg>`)
const transforms = {
  "resized+recompressed": (img) => sharp(img).resize(160).jpeg({ quality: 50 }).toBuffer(),
  "cropped 8%": (img) => sharp(img).extract({ left: 9, top: 9, width: 206, height: 206 }).resize(224, 224).jpeg().toBuffer(),
  mirrored: (img) => sharp(img).flop().jpeg({ quality: 90 }).toBuffer(),
  "recoloured slightly": (img) => sharp(img).modulate({ hue: 6, saturation: 1.08, brightness: 1.03 }).jpeg().toBuffer(),
  watermarked: (img) => sharp(img).composite([{ input: mark }]).jpeg().toBuffer(),
}
const asImage = async (id, buf) => {
  const sig = await imageSignature(buf)
  const [vector] = await embedder.embedImages([buf])
  return { id, product_id: id, image_url: id, vector, phash: sig.phash, phash_mirror: sig.phashMirror, colour: sig.colour, thumb: normalizedThumb(sig.thumb), sig }
}
const originals = []
const positives = []
const names = Object.keys(transforms)
for (const [i, r] of sample.entries()) {
  const buf = fs.readFileSync(path.join(DATASET_DIR, "images", `${r.id}.jpg`))
  const o = await asImage(r.id, buf)
  originals.push(o)
  const t = names[i % names.length]
  positives.push({ a: o, b: await asImage(`${r.id}-copy`, await transforms[t](buf)), t })
}
const negatives = []
for (const a of originals) {
  // hard negatives: nearest by embedding, and nearest by pixels
  const others = originals.filter((b) => b !== a)
  const byVec = others.map((b) => ({ b, s: a.vector.reduce((s, x, k) => s + x * b.vector[k], 0) })).sort((x, y) => y.s - x.s).slice(0, 5)
  const byPix = others.map((b) => ({ b, s: thumbCorrelation(a, b) })).sort((x, y) => y.s - x.s).slice(0, 5)
  const near = [...new Map([...byVec, ...byPix].map((n) => [n.b.id, n])).values()]
  for (const { b } of near) negatives.push({ a, b })
}
// the decision's inputs, computed once per pair; the grid then only compares numbers
const features = (a, b) => ({ colour: colourDistance(a.sig, b.sig), bits: phashDistance(a.sig, b.sig), ncc: thumbCorrelation(a, b) })
for (const p of [...positives, ...negatives]) p.f = features(p.a, p.b)
if (process.env.CALIBRATE_DEBUG) {
  const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]
  for (const t of names) {
    const fs_ = positives.filter((p) => p.t === t).map((p) => p.f)
    console.log(t, "colour p90", q(fs_.map((f) => f.colour), 0.9).toFixed(1), "bits p90", q(fs_.map((f) => f.bits), 0.9), "ncc p10", q(fs_.map((f) => f.ncc), 0.1).toFixed(3))
  }
  const nf = negatives.map((n) => n.f)
  console.log("negatives colour p10", q(nf.map((f) => f.colour), 0.1).toFixed(1), "bits p10", q(nf.map((f) => f.bits), 0.1), "ncc p99", q(nf.map((f) => f.ncc), 0.99).toFixed(3), "ncc p99.5", q(nf.map((f) => f.ncc), 0.995).toFixed(3))
}
const decide = (f, t) => f.colour <= t.colourDeltaE && f.bits <= t.maxPhashBits && (f.bits <= t.phashBits ? f.ncc >= t.nccWithHash : f.ncc >= t.ncc)
// the shipped function must agree with the formula the grid searches
for (const p of [...positives, ...negatives].slice(0, 500)) if (decide(p.f, DUPLICATE_THRESHOLDS) !== imagesAreDuplicates(p.a, p.b)) throw new Error("calibration formula and duplicates.ts disagree")
function score(t) {
  const byT = {}
  let tp = 0
  for (const p of positives) {
    const hit = decide(p.f, t)
    tp += hit
    byT[p.t] ??= [0, 0]
    byT[p.t][0] += hit
    byT[p.t][1]++
  }
  const fp = negatives.filter((n) => decide(n.f, t)).length
  return { recall: tp / positives.length, falseMerge: fp / negatives.length, byT }
}
const current = score(DUPLICATE_THRESHOLDS)
let best = { t: DUPLICATE_THRESHOLDS, ...current, recall: current.falseMerge <= opt["max-false-merge"] ? current.recall : -1 }
for (const colourDeltaE of [10, 14, 18, 22, 26])
  for (const phashBits of [8, 10, 12, 14, 16])
    for (const nccWithHash of [0.85, 0.9, 0.93, 0.95, 0.97])
      for (const ncc of [0.93, 0.95, 0.96, 0.97, 0.98, 0.99])
        for (const maxPhashBits of [20, 26, 32, 64]) {
        const t = { colourDeltaE, phashBits, nccWithHash, ncc, maxPhashBits }
        const s = score(t)
        if (s.falseMerge <= opt["max-false-merge"] && (s.recall > best.recall || (s.recall === best.recall && s.falseMerge < best.falseMerge))) best = { t, ...s }
      }
console.log(`\nNear-duplicate calibration (${embedder.id}; ${positives.length} planted copies, ${negatives.length} hard negative pairs)`)
table([
  ["current thresholds", JSON.stringify(DUPLICATE_THRESHOLDS)],
  ["current recall / false merges", `${current.recall.toFixed(4)} / ${current.falseMerge.toFixed(4)}`],
  ...Object.entries(current.byT).map(([k, [h, n]]) => [`  ${k}`, `${h}/${n}`]),
  [`best (false merges ≤ ${opt["max-false-merge"] * 100}%)`, JSON.stringify(best.t)],
  ["best recall / false merges", `${best.recall.toFixed(4)} / ${best.falseMerge.toFixed(4)}`],
])
console.log(`\nwrote ${writeResults("calibrate-duplicates", { embedder: embedder.id, current: { thresholds: DUPLICATE_THRESHOLDS, recall: current.recall, false_merge: current.falseMerge, by_transform: current.byT }, best })}`)
await embedder.close?.()
