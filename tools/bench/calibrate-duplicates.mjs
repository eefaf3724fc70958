#!/usr/bin/env node
// npm run calibrate:duplicates [-- --photos 1200 --window-queries 200 --max-false-merge 0.0005]
// Calibrates the near-copy thresholds of src/modules/visual-search/near-copy/ on
// the shared dataset.
//  Positives: a photo and a transformed copy — the evaluation's transforms
//   (resize + recompression, 8% crop, mirror, slight re-colour, watermark, a shop
//   badge in a corner, the whole photo toned darker or warmer) and,
//   reported apart, harder random uneven crops.
//  Negatives: every pair of distinct products that a search would show side by
//   side — the 16 nearest products (by the embedder) of 200 catalogue photos.
//   These are the template shots (same model, same pose, another shirt) that a
//   looser rule merges.
// The search compares each candidate with up to `limit` shown products, so the
// per-pair false-merge bar is far below the 1% per-result target.
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../lib/dataset.mjs"
import {
  args,
  backendTs,
  toolsTs,
  shopBadge,
  table,
  writeResults,
} from "./lib.mjs"

const opt = args({
  photos: 1200,
  "window-queries": 200,
  embedder: "classic",
  "max-false-merge": 0.0005,
  seed: 11,
})
const { frameOf, parseFrame, nearCopyScore, NEAR_COPY_THRESHOLDS } = backendTs(
  "src/modules/visual-search/near-copy/index.ts"
)
const { mulberry32 } = backendTs("test-fixtures/shopper-photo.ts")
const { splitOf } = toolsTs("visual-search/split.ts")
const { createEmbedder } = backendTs(
  "src/modules/visual-search/embedders/index.ts"
)
const { embedder } = await createEmbedder(
  opt.embedder,
  {},
  { info() {}, warn() {} }
)
const rand = mulberry32(opt.seed)
const U = (a, b) => a + rand() * (b - a)

const rows = readStyles(DATASET_DIR)
  .filter((r) => SELLABLE_MASTER.has(r.masterCategory))
  .sort((a, b) => Number(a.id) - Number(b.id))
const spread = (xs, n) =>
  n >= xs.length
    ? xs
    : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)])
const read = (id) =>
  fs.readFileSync(path.join(DATASET_DIR, "images", `${id}.jpg`))
const frame = async (buf) => parseFrame(await frameOf(buf))

const mark = Buffer.from(
  `<svg width="224" height="224"><text x="12" y="212" font-size="20" font-family="sans-serif" fill="rgba(0,0,0,0.4)">© outlet-shop</text></svg>`
)
const transforms = {
  "resized+recompressed": (img) =>
    sharp(img)
      .resize(Math.round(U(110, 190)))
      .jpeg({ quality: Math.round(U(35, 75)) })
      .toBuffer(),
  "cropped 8%": (img) =>
    sharp(img)
      .extract({ left: 9, top: 9, width: 206, height: 206 })
      .resize(224, 224)
      .jpeg()
      .toBuffer(),
  mirrored: (img) => sharp(img).flop().jpeg({ quality: 90 }).toBuffer(),
  "recoloured slightly": (img) =>
    sharp(img)
      .modulate({
        hue: Math.round(U(-8, 8)),
        saturation: U(0.92, 1.1),
        brightness: U(0.96, 1.04),
      })
      .jpeg()
      .toBuffer(),
  watermarked: (img) =>
    sharp(img)
      .composite([{ input: mark }])
      .jpeg()
      .toBuffer(),
  "shop badge in a corner": (img) =>
    sharp(img)
      .composite([{ input: shopBadge(Math.floor(rand() * 4)) }])
      .jpeg()
      .toBuffer(),
  "toned (darker / warmer)": (img) =>
    (rand() < 0.5
      ? sharp(img).modulate({ brightness: U(0.86, 0.94) })
      : sharp(img).recomb([
          [U(1.02, 1.06), 0, 0],
          [0, 1, 0],
          [0, 0, U(0.9, 0.96)],
        ])
    )
      .jpeg()
      .toBuffer(),
  "cropped unevenly (harder, reported apart)": async (img) => {
    const [l, t, r, b] = [0, 0, 0, 0].map(() => Math.round(U(0, 0.12) * 224))
    const c = sharp(img).extract({
      left: l,
      top: t,
      width: 224 - l - r,
      height: 224 - t - b,
    })
    return (rand() < 0.5 ? c.resize(224, 224) : c).jpeg().toBuffer()
  },
}
const names = Object.keys(transforms)
const EVAL_SET = names.filter((t) => !t.includes("reported apart"))

const positives = []
for (const [i, r] of spread(rows, opt.photos).entries()) {
  const buf = read(r.id)
  const t = names[i % names.length]
  positives.push({
    t,
    f: nearCopyScore(
      await frame(buf),
      await frame(await transforms[t](buf)),
      -2,
      Infinity
    ),
  })
}

// search windows on a catalogue slice
const catalogue = spread(
  rows.filter((r) => splitOf(r.id) === "catalog"),
  1500
)
const items = []
for (const r of catalogue) {
  const buf = read(r.id)
  items.push({
    id: r.id,
    frame: await frame(buf),
    v: (await embedder.embedImages([buf]))[0],
  })
}
const negatives = []
const seen = new Set()
for (const q of spread(items, opt["window-queries"])) {
  const window = items
    .map((b) => ({ b, s: q.v.reduce((s, x, k) => s + x * b.v[k], 0) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 16)
  for (let i = 0; i < window.length; i++)
    for (let j = i + 1; j < window.length; j++) {
      const key = [window[i].b.id, window[j].b.id].sort().join("|")
      if (seen.has(key)) continue
      seen.add(key)
      negatives.push({
        f: nearCopyScore(window[i].b.frame, window[j].b.frame, -2, Infinity),
      })
    }
}

// as isNearCopy decides: the cheap gates, then the final tests at the identity or at the registered alignment
const final = (m, t) =>
  m.colour <= t.colourDeltaE &&
  m.detail >= t.detail &&
  m.fine >= (m.masked ? t.maskedFine : t.fine)
const decide = (f, t) =>
  !!f &&
  f.ink <= t.ink &&
  f.glance >= t.glance &&
  (final(f.identity, t) ||
    (f.coarse >= t.coarse && f.coarseColour <= t.coarseColour && final(f, t)))
function score(t) {
  const byT = {}
  for (const p of positives) {
    byT[p.t] ??= [0, 0]
    byT[p.t][0] += decide(p.f, t)
    byT[p.t][1]++
  }
  const evalPos = positives.filter((p) => EVAL_SET.includes(p.t))
  return {
    recall: evalPos.filter((p) => decide(p.f, t)).length / evalPos.length,
    falseMerge:
      negatives.filter((n) => decide(n.f, t)).length / negatives.length,
    byT,
  }
}
const current = score(NEAR_COPY_THRESHOLDS)
let best = {
  t: NEAR_COPY_THRESHOLDS,
  ...current,
  recall: current.falseMerge <= opt["max-false-merge"] ? current.recall : -1,
}
for (const colourDeltaE of [5, 6, 7, 8, 10])
  for (const detail of [0.8, 0.85, 0.9, 0.93])
    for (const fine of [0, 0.88, 0.9, 0.92, 0.94, 0.96]) {
      const t = { ...NEAR_COPY_THRESHOLDS, colourDeltaE, detail, fine }
      const s = score(t)
      if (
        s.falseMerge <= opt["max-false-merge"] &&
        (s.recall > best.recall ||
          (s.recall === best.recall && s.falseMerge < best.falseMerge))
      )
        best = { t, ...s }
    }
// the cheap gates (mean garment colour, 8×8 first look, colour at the coarse alignment) only decide how much work a pair costs:
// how far they sit from the least similar copy detected, and how many distinct pairs still need the full comparison
const margins = Object.fromEntries(
  names.map((t) => {
    const hit = positives.filter(
      (p) =>
        p.t === t &&
        decide(p.f, {
          ...NEAR_COPY_THRESHOLDS,
          ink: Infinity,
          glance: -2,
          coarseColour: Infinity,
        })
    )
    return [
      t,
      {
        ink_max: Math.max(...hit.map((p) => p.f.ink)),
        glance_min: Math.min(...hit.map((p) => p.f.glance)),
        coarse_colour_max: Math.max(...hit.map((p) => p.f.coarseColour)),
      },
    ]
  })
)
const T = NEAR_COPY_THRESHOLDS
const registered =
  negatives.filter((n) => n.f && n.f.ink <= T.ink && n.f.glance >= T.glance)
    .length / negatives.length
const fullShare =
  negatives.filter(
    (n) =>
      n.f &&
      n.f.ink <= T.ink &&
      n.f.glance >= T.glance &&
      n.f.coarse >= T.coarse &&
      n.f.coarseColour <= T.coarseColour
  ).length / negatives.length
console.log(
  `\nNear-copy calibration (${embedder.id} windows; ${positives.length} planted copies, ${negatives.length} side-by-side pairs of distinct products)`
)
table([
  ["current thresholds", JSON.stringify(NEAR_COPY_THRESHOLDS)],
  [
    "current recall (evaluation transforms) / false merges per pair",
    `${current.recall.toFixed(4)} / ${current.falseMerge.toFixed(5)}`,
  ],
  ...Object.entries(current.byT).map(([k, [h, n]]) => [`  ${k}`, `${h}/${n}`]),
  [
    `best (false merges ≤ ${opt["max-false-merge"]} per pair)`,
    JSON.stringify(best.t),
  ],
  [
    "best recall / false merges",
    `${best.recall.toFixed(4)} / ${best.falseMerge.toFixed(5)}`,
  ],
  [
    `cheap gates: ink ≤ ${T.ink} ΔE, glance ≥ ${T.glance}`,
    `${(registered * 100).toFixed(1)}% of side-by-side pairs are registered`,
  ],
  [
    `  then coarse ≥ ${T.coarse}, colour there ≤ ${T.coarseColour} ΔE`,
    `${(fullShare * 100).toFixed(1)}% are refined (the costly part)`,
  ],
  ...Object.entries(margins).map(([k, m]) => [
    `  ${k}: copies found without the gates`,
    `ink ≤ ${m.ink_max.toFixed(2)} ΔE, glance ≥ ${m.glance_min.toFixed(3)}, coarse colour ≤ ${m.coarse_colour_max.toFixed(2)} ΔE`,
  ]),
])
console.log(
  `\nwrote ${writeResults("calibrate-duplicates", { embedder: embedder.id, current: { thresholds: NEAR_COPY_THRESHOLDS, recall: current.recall, false_merge: current.falseMerge, by_transform: current.byT }, best, gates: { registered_share: registered, refined_share: fullShare, by_transform: margins } })}`
)
await embedder.close?.()
