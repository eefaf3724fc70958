#!/usr/bin/env node
// npm run eval:wardrobe [-- --queries 300 --embedder classic --port 9210 --seed 11]
// Auto-tagging of wardrobe photos, measured through the API a shopper uses:
// a real backend seeded with the demo catalogue (backend/data/demo-catalog),
// one registered shopper, and shopper-style photos made from shared-dataset
// products that are NOT in that catalogue, each POSTed to
// /store/customers/me/wardrobe/items. Only article types the catalogue has
// are asked (a type it has never seen cannot be named in its words).
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../lib/dataset.mjs"
import { BACKEND, step } from "../../scripts/lib/proc.mjs"
import {
  args,
  backendTs,
  percentile,
  reindexAll,
  startStore,
  table,
  writeResults,
} from "./lib.mjs"
import { evalQueries, mixedBackgroundPhoto } from "./wardrobe-photos.mjs"

const opt = args({
  queries: 300,
  embedder: "classic",
  port: 9210,
  seed: 11,
  "min-type": 3,
})
const { shopperPhoto, mulberry32 } = backendTs("test-fixtures/shopper-photo.ts")
const rand = mulberry32(opt.seed)

const { demoRows, catalogueColours, queries } = evalQueries(
  opt.queries,
  opt["min-type"]
)

const ids = demoRows.map((r) => r.id)
const store = await startStore({
  name: "curatorai_eval_wardrobe",
  ids,
  port: opt.port,
  embedder: opt.embedder,
  datasetDir: path.join(BACKEND, "data/demo-catalog"),
})
const { backendUrl, pk } = store
let token
try {
  const indexing = await reindexAll(store.api)
  step(
    `indexed ${indexing.status.counts.indexed} catalogue photos (${indexing.status.embedder.id})`
  )
  const email = `eval-${Date.now()}@curatorai.local`,
    password = "eval-wardrobe-pass"
  const post = (p, body, headers = {}) =>
    fetch(`${backendUrl}${p}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": pk,
        ...headers,
      },
      body: JSON.stringify(body),
    }).then((r) => r.json())
  const reg = await post("/auth/customer/emailpass/register", {
    email,
    password,
  })
  await post(
    "/store/customers",
    { email },
    { authorization: `Bearer ${reg.token}` }
  )
  token = (await post("/auth/customer/emailpass", { email, password })).token
  const auth = { authorization: `Bearer ${token}`, "x-publishable-api-key": pk }

  const r = {
    n: 0,
    top1: 0,
    top3: 0,
    colourN: 0,
    colour1: 0,
    colour3: 0,
    latency: [],
    byKind: {},
    confusions: {},
  }
  step(
    `tagging ${queries.length} shopper photos (types the catalogue has ≥ ${opt["min-type"]} of)…`
  )
  for (const [i, row] of queries.entries()) {
    const original = fs.readFileSync(
      path.join(DATASET_DIR, "images", `${row.id}.jpg`)
    )
    const kind = i % 2 ? "mixed" : "restaged"
    const img =
      kind === "mixed"
        ? await mixedBackgroundPhoto(original, rand)
        : await shopperPhoto(original, rand)
    const form = new FormData()
    form.append(
      "image",
      new Blob([new Uint8Array(img)], { type: "image/jpeg" }),
      "photo.jpg"
    )
    const t0 = performance.now()
    const res = await fetch(`${backendUrl}/store/customers/me/wardrobe/items`, {
      method: "POST",
      body: form,
      headers: auth,
    })
    const ms = performance.now() - t0
    const body = await res.json()
    if (!res.ok) throw new Error(`POST items → ${res.status}: ${body.message}`)
    const s = body.wardrobe_item.suggestions
    const types = s.article_type.map((x) => x.value)
    const colours = s.colour.map((x) => x.value)
    r.n++
    r.latency.push(ms)
    const k = (r.byKind[kind] ??= {
      n: 0,
      top1: 0,
      top3: 0,
      colour1: 0,
      colourN: 0,
    })
    k.n++
    if (types[0] === row.articleType) {
      r.top1++
      k.top1++
    } else
      r.confusions[`${row.articleType} → ${types[0]}`] =
        (r.confusions[`${row.articleType} → ${types[0]}`] ?? 0) + 1
    if (types.slice(0, 3).includes(row.articleType)) {
      r.top3++
      k.top3++
    }
    if (catalogueColours.has(row.baseColour)) {
      r.colourN++
      k.colourN++
      if (colours[0] === row.baseColour) {
        r.colour1++
        k.colour1++
      }
      if (colours.slice(0, 3).includes(row.baseColour)) r.colour3++
    }
    if ((i + 1) % 50 === 0)
      step(
        `${i + 1}/${queries.length}: top-1 ${(r.top1 / r.n).toFixed(3)}, top-3 ${(r.top3 / r.n).toFixed(3)}, colour ${(r.colour1 / Math.max(1, r.colourN)).toFixed(3)}`
      )
  }
  // nothing of the eval shopper is left behind
  await fetch(`${backendUrl}/store/customers/me/wardrobe`, {
    method: "DELETE",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ confirm: "DELETE" }),
  })

  const f = (x) => x.toFixed(3)
  const figures = {
    queries: r.n,
    article_type_top1: r.top1 / r.n,
    article_type_top3: r.top3 / r.n,
    colour_top1: r.colour1 / r.colourN,
    colour_top3: r.colour3 / r.colourN,
    colour_queries: r.colourN,
    latency_p50_ms: percentile(r.latency, 50),
    latency_p95_ms: percentile(r.latency, 95),
    by_kind: Object.fromEntries(
      Object.entries(r.byKind).map(([k, v]) => [
        k,
        {
          n: v.n,
          top1: v.top1 / v.n,
          top3: v.top3 / v.n,
          colour_top1: v.colour1 / Math.max(1, v.colourN),
        },
      ])
    ),
    top_confusions: Object.entries(r.confusions)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12),
    article_types_asked: [...new Set(queries.map((q) => q.articleType))].sort(),
    embedder: opt.embedder,
    catalogue: `demo (${ids.length} products)`,
  }
  console.log("")
  table([
    ["photos", String(r.n)],
    ["article type top-1", f(figures.article_type_top1)],
    ["article type top-3", `${f(figures.article_type_top3)}  (must ≥ 0.90)`],
    [
      "colour top-1",
      `${f(figures.colour_top1)}  (of ${r.colourN} with a catalogue colour)`,
    ],
    ["colour top-3", f(figures.colour_top3)],
    [
      "latency p50 / p95",
      `${figures.latency_p50_ms.toFixed(0)} / ${figures.latency_p95_ms.toFixed(0)} ms`,
    ],
    ...Object.entries(figures.by_kind).map(([k, v]) => [
      `  ${k} photos`,
      `top-1 ${f(v.top1)}, top-3 ${f(v.top3)}, colour ${f(v.colour_top1)} (n=${v.n})`,
    ]),
  ])
  console.log(
    `\n  most frequent confusions: ${figures.top_confusions.map(([k, v]) => `${k} ×${v}`).join(", ")}`
  )
  console.log(
    `  results: ${writeResults("eval-wardrobe", { options: opt, ...figures })}`
  )
  if (figures.article_type_top3 < 0.9) process.exitCode = 1
} finally {
  await store.stop()
}
