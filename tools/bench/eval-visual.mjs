#!/usr/bin/env node
// npm run eval:visual [-- --catalog 1500 --queries 100 --generators uniform,mixed,framed,occluded,lighting
//                         --duplicates 80 --embedder classic --reuse 1 --misses 1]
// Catalogue from the "catalog" split of ../shared/data/fashion-products in a real
// backend; shopper photos made from the disjoint "query" split by each of the
// shopper-photo generators (backend/test-fixtures/shopper-photos: the same
// photos and constraints for every generator, `--queries` of them); random
// size/budget/region constraints under which some product of the photo's
// article type is buyable, as the issue's evaluation draws them (so the
// ceiling of purchasable@10 is 1; `--misses 1` lists the misses). Every figure is measured through the HTTP API,
// and reported per generator. `--reuse 1` searches the store an earlier run
// seeded (reindexed, so a changed embedder is measured) and plants no copies.
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../lib/dataset.mjs"
import { step } from "../../scripts/lib/proc.mjs"
import {
  args,
  backendTs,
  toolsTs,
  percentile,
  reindexAll,
  shopBadge,
  startStore,
  table,
  visualSearch,
  writeResults,
  warmOfferSheets,
} from "./lib.mjs"

const opt = args({
  catalog: 1500,
  queries: 100,
  generators: "uniform,mixed,framed,occluded,lighting",
  duplicates: 80,
  embedder: "classic",
  port: 9200,
  seed: 7,
  reuse: "",
  // 1: list the queries without a right-type result in the first ten, and where one would have come
  misses: 0,
})
const reuse = !!opt.reuse && opt.reuse !== "0"
// copies planted by an earlier run are in a reused store already
if (reuse) opt.duplicates = 0
const { GENERATORS, mulberry32 } = backendTs(
  "test-fixtures/shopper-photos/index.ts"
)
const generators = opt.generators.split(",").map((g) => {
  if (!GENERATORS[g]) throw new Error(`unknown generator ${g}`)
  return g
})
const { splitOf } = toolsTs("visual-search/split.ts")
const { sizesFor } = backendTs("src/lib/catalog.ts")
const rand = mulberry32(opt.seed)
const spread = (xs, n) =>
  n >= xs.length
    ? xs
    : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)])

const rows = readStyles(DATASET_DIR)
  .filter((r) => SELLABLE_MASTER.has(r.masterCategory))
  .sort((a, b) => Number(a.id) - Number(b.id))
const catalogRows = spread(
  rows.filter((r) => splitOf(r.id) === "catalog"),
  opt.catalog
)
const queryRows = spread(
  rows.filter((r) => splitOf(r.id) === "query"),
  opt.queries
)
const photo = (id) =>
  fs.readFileSync(path.join(DATASET_DIR, "images", `${id}.jpg`))

const store = await startStore({
  name: "curatorai_eval",
  ids: catalogRows.map((r) => r.id),
  port: opt.port,
  embedder: opt.embedder,
  reuse,
})
const { api } = store
try {
  const { regions } = await api("/store/regions")
  const products = new Map()
  for (let offset = 0; ; offset += 200) {
    const { products: page, count } = await api(
      `/store/products?limit=200&offset=${offset}&fields=id,title,handle,+metadata,*variants,*variants.options,*variants.prices,*options,*options.values`
    )
    for (const p of page) products.set(p.id, p)
    if (offset + 200 >= count) break
  }
  const bySource = new Map(
    [...products.values()].map((p) => [p.metadata.source_id, p])
  )
  const { sales_channels } = await api("/admin/sales-channels?limit=10")
  const { shipping_profiles } = await api("/admin/shipping-profiles?limit=1")

  // ---- index everything
  const indexing = await reindexAll(api)
  step(
    `indexed ${indexing.status.counts.indexed} images at ${indexing.imagesPerMinute} images/min (${indexing.status.embedder.id})`
  )

  // ---- shopper-photo queries with random constraints
  const meta = async (ids) => {
    const missing = ids.filter((id) => !products.has(id))
    if (missing.length) {
      const qs = missing.map((id) => `id[]=${id}`).join("&")
      for (const p of (
        await api(
          `/store/products?${qs}&limit=${missing.length}&fields=id,+metadata`
        )
      ).products)
        products.set(p.id, p)
    }
    return ids.map((id) => products.get(id)?.metadata ?? {})
  }
  async function satisfies(productId, c) {
    const region = regions.find((r) => r.id === c.region_id)
    const { product } = await api(
      `/store/products/${productId}?region_id=${c.region_id}&fields=*variants.calculated_price,*variants.options`
    )
    const { variants: avail } = await api(
      `/store/products/${productId}/availability?region_id=${c.region_id}`
    )
    return product.variants.some((v) => {
      const a = avail.find((x) => x.id === v.id)
      const price = v.calculated_price?.calculated_amount
      return (
        a?.in_stock &&
        price != null &&
        v.calculated_price.currency_code === region.currency_code &&
        (!c.size || a.size?.toLowerCase() === c.size.toLowerCase()) &&
        (c.min_price == null || price >= c.min_price) &&
        (c.max_price == null || price <= c.max_price)
      )
    })
  }
  await warmOfferSheets(api, regions, photo(queryRows[0].id))
  // one set of constraints per query photo, shared by every generator
  const draw = (row, r) => {
    const region = regions[Math.floor(r() * regions.length)]
    const c = { region_id: region.id, limit: 10 }
    if (r() < 0.5)
      c.size = sizesFor(row)[Math.floor(r() * sizesFor(row).length)]
    if (r() < 0.5) c.max_price = Math.round(30 + r() * 90)
    if (r() < 0.2) c.min_price = Math.round(5 + r() * 20)
    if (c.min_price != null && c.max_price != null && c.min_price > c.max_price)
      delete c.min_price
    return c
  }
  // as the issue's evaluation draws them: some product of the query's article type is buyable under its
  // constraints (the ceiling of purchasable@10 is 1). A draw that leaves none is drawn again from a
  // generator of its own, so every other query keeps the constraints it always had.
  const ofType = new Map()
  for (const p of products.values())
    ofType.set(p.metadata.article_type, [
      ...(ofType.get(p.metadata.article_type) ?? []),
      p.id,
    ])
  const feasible = async (row, c) => {
    for (const id of ofType.get(row.articleType) ?? [])
      if (await satisfies(id, c)) return true
    return false
  }
  const queries = []
  let redrawn = 0,
    unconstrained = 0,
    dropped = 0
  for (const [i, row] of queryRows.entries()) {
    let c = draw(row, rand)
    // the photo another garment is taken from (occlusion)
    const other = queryRows[(i + 1) % queryRows.length]
    const photoSeed = Math.floor(rand() * 2 ** 31)
    if (!(await feasible(row, c))) {
      redrawn++
      const own = mulberry32((opt.seed * 7919 + i) >>> 0)
      let k = 0
      do c = draw(row, own)
      while (++k < 50 && !(await feasible(row, c)))
      if (k === 50) {
        // a region alone, the first under which something of the type is buyable; none: the store sells
        // nothing of this type anywhere, so the query is outside the issue's evaluation and left out
        c = null
        for (const region of regions) {
          const only = { region_id: region.id, limit: 10 }
          if (await feasible(row, only)) {
            c = only
            break
          }
        }
        if (c) unconstrained++
        else {
          dropped++
          continue
        }
      }
    }
    queries.push({ row, c, other, photoSeed })
  }
  step(
    `constraints drawn again for ${redrawn} of ${queryRows.length} queries (no product of their type was buyable under the first draw)${unconstrained ? `; ${unconstrained} left with a region only` : ""}${dropped ? `; ${dropped} left out (nothing of their type is buyable in any region)` : ""}`
  )
  const perGenerator = {}
  const misses = []
  const allLatency = []
  for (const [gi, gen] of generators.entries()) {
    const q = {
      n: 0,
      p5: 0,
      c5: 0,
      purch10: 0,
      violations: 0,
      latency: [],
      empty: 0,
      phases: {},
    }
    step(`${gen}: running ${queries.length} shopper-photo queries…`)
    for (const { row, c, other, photoSeed } of queries) {
      const img = await GENERATORS[gen](
        photo(row.id),
        mulberry32((photoSeed + gi * 7919) >>> 0),
        photo(other.id)
      )
      const { body, ms, phases } = await visualSearch(api, img, c)
      q.latency.push(ms)
      for (const [k, v] of Object.entries(phases))
        q.phases[k] = (q.phases[k] ?? 0) + v
      q.n++
      const ids = body.results.map((r) => r.product.id)
      if (!ids.length) q.empty++
      const m = await meta(ids)
      const top5 = m.slice(0, 5)
      if (top5.length) {
        q.p5 +=
          top5.filter((x) => x.article_type === row.articleType).length / 5
        q.c5 += top5.filter((x) => x.base_colour === row.baseColour).length / 5
      }
      // purchasable@10: a right-type result that independently satisfies every constraint
      let ok = false
      for (const [i, id] of ids.slice(0, 10).entries()) {
        const good = await satisfies(id, c)
        if (!good) q.violations++
        if (good && m[i].article_type === row.articleType) {
          ok = true
          break
        }
      }
      if (ok) q.purch10++
      else if (opt.misses) {
        // --misses 1: where the first item of the right type would have come (a deeper list, same constraints)
        const deep = await visualSearch(api, img, { ...c, limit: 50 })
        const dm = await meta(deep.body.results.map((r) => r.product.id))
        const at = dm.findIndex((x) => x.article_type === row.articleType)
        misses.push(
          `${gen.padEnd(9)} ${row.articleType.padEnd(16)} first right type at ${at < 0 ? ">50" : at + 1}; shown: ${[
            ...new Set(m.slice(0, 10).map((x) => x.article_type)),
          ].join(
            ", "
          )}; ${c.size ? `size ${c.size} ` : ""}${c.max_price != null ? `≤${c.max_price} ` : ""}${c.min_price != null ? `≥${c.min_price}` : ""}`
        )
      }
      if (q.n % 50 === 0)
        step(
          `${gen} ${q.n}/${queries.length} queries: p@5 ${(q.p5 / q.n).toFixed(3)}, purchasable@10 ${(q.purch10 / q.n).toFixed(3)}`
        )
    }
    allLatency.push(...q.latency)
    perGenerator[gen] = {
      queries: q.n,
      "precision@5": +(q.p5 / q.n).toFixed(4),
      "colour_match@5": +(q.c5 / q.n).toFixed(4),
      "purchasable@10": +(q.purch10 / q.n).toFixed(4),
      constraint_violations: q.violations,
      empty_results: q.empty,
      latency_ms: {
        p50: +percentile(q.latency, 50).toFixed(1),
        p95: +percentile(q.latency, 95).toFixed(1),
      },
      server_phases_mean_ms: Object.fromEntries(
        Object.entries(q.phases).map(([k, v]) => [k, +(v / q.n).toFixed(1)])
      ),
    }
  }

  // ---- false merges, measured before any copy is planted: every product is distinct,
  // so anything collapsed merged two different products
  if (opt.duplicates > 0)
    step("measuring false merges on the unplanted catalogue…")
  let merged = 0
  let considered = 0
  const plantedSources = new Set(
    spread(catalogRows, opt.duplicates).map((r) => r.id)
  )
  for (const row of opt.duplicates > 0
    ? spread(
        catalogRows.filter((r) => !plantedSources.has(r.id)),
        Math.min(150, catalogRows.length)
      )
    : []) {
    const { body } = await visualSearch(api, photo(row.id), {
      region_id: regions.find((r) => r.currency_code === "eur").id,
      limit: 12,
    })
    merged += body.duplicates_removed
    considered += body.results.length + body.duplicates_removed
  }

  // ---- plant near-duplicates: transformed copies sold as separate products
  step(`planting ${opt.duplicates} duplicate pairs…`)
  const transforms = [
    [
      "resized+recompressed",
      (img) => sharp(img).resize(160).jpeg({ quality: 50 }).toBuffer(),
    ],
    [
      "cropped 8%",
      (img) =>
        sharp(img)
          .extract({ left: 9, top: 9, width: 206, height: 206 })
          .resize(224, 224)
          .jpeg()
          .toBuffer(),
    ],
    ["mirrored", (img) => sharp(img).flop().jpeg({ quality: 90 }).toBuffer()],
    [
      "recoloured slightly",
      (img) =>
        sharp(img)
          .modulate({ hue: 6, saturation: 1.08, brightness: 1.03 })
          .jpeg()
          .toBuffer(),
    ],
    [
      "watermarked",
      (img) =>
        sharp(img)
          .composite([
            {
              input: Buffer.from(
                `<svg width="224" height="224"><text x="12" y="212" font-size="20" font-family="sans-serif" fill="rgba(0,0,0,0.4)">© outlet-shop</text></svg>`
              ),
            },
          ])
          .jpeg()
          .toBuffer(),
    ],
    [
      "shop badge in a corner",
      (img, k) =>
        sharp(img)
          .composite([{ input: shopBadge(k) }])
          .jpeg()
          .toBuffer(),
    ],
    // the whole photo re-toned: darker in turn with warmer
    [
      "toned darker or warmer",
      (img, k) =>
        (k % 2
          ? sharp(img).recomb([
              [1.04, 0, 0],
              [0, 1, 0],
              [0, 0, 0.93],
            ])
          : sharp(img).modulate({ brightness: 0.9 })
        )
          .jpeg()
          .toBuffer(),
    ],
    // a reseller's crop need not be centred: 10% off, from a corner or an edge in turn
    [
      "cropped 10% off-centre",
      (img, k) => {
        const side = Math.round(224 * 0.9)
        const [fx, fy] = [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
          [0.5, 0],
          [0, 0.5],
          [1, 0.5],
          [0.5, 1],
        ][k % 8]
        return sharp(img)
          .extract({
            left: Math.round((224 - side) * fx),
            top: Math.round((224 - side) * fy),
            width: side,
            height: side,
          })
          .resize(224, 224)
          .jpeg()
          .toBuffer()
      },
    ],
  ]
  const groups = []
  for (const row of spread(catalogRows, opt.duplicates)) {
    const original = bySource.get(row.id)
    if (!original) continue
    const [tname, fn] = transforms[groups.length % transforms.length]
    const k = Math.floor(groups.length / transforms.length)
    const form = new FormData()
    form.append(
      "files",
      new Blob([new Uint8Array(await fn(photo(row.id), k))], {
        type: "image/jpeg",
      }),
      `dup-${row.id}.jpg`
    )
    const { files } = await api("/admin/uploads", {
      method: "POST",
      body: form,
    })
    const { product } = await api("/admin/products", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: `${original.title} (reseller)`,
        handle: `${original.handle}-reseller`,
        status: "published",
        thumbnail: files[0].url,
        images: [{ url: files[0].url }],
        shipping_profile_id: shipping_profiles[0].id,
        sales_channels: sales_channels
          .filter((c) => c.name === "CuratorAI Web Store")
          .map((c) => ({ id: c.id })),
        metadata: { ...original.metadata, duplicate_of: original.id },
        options: original.options.map((o) => ({
          title: o.title,
          values: o.values.map((v) => v.value),
        })),
        variants: original.variants.map((v) => ({
          title: v.title,
          manage_inventory: false,
          options: Object.fromEntries(
            v.options.map((o) => [
              original.options.find((x) => x.id === o.option_id).title,
              o.value,
            ])
          ),
          prices: v.prices.map((p) => ({
            currency_code: p.currency_code,
            amount: p.amount,
          })),
        })),
      }),
    })
    groups.push({
      original: original.id,
      copy: product.id,
      transform: tname,
      source: row.id,
    })
  }

  if (groups.length) {
    const plantedIndexing = await reindexAll(
      api,
      groups.map((g) => g.copy)
    )
    step(
      `indexed ${plantedIndexing.status.counts.indexed} images in all after planting`
    )
  }

  // ---- duplicates: query with the original photo; the copy must not appear beside it
  let extra = 0
  const perTransform = {}
  for (const g of groups) {
    const { body } = await visualSearch(api, photo(g.source), {
      region_id: regions.find((r) => r.currency_code === "eur").id,
      limit: 12,
    })
    const ids = body.results.map((r) => r.product.id)
    const both = ids.includes(g.original) && ids.includes(g.copy)
    const neither = !ids.includes(g.original) && !ids.includes(g.copy)
    perTransform[g.transform] ??= { planted: 0, removed: 0 }
    perTransform[g.transform].planted++
    if (both) extra++
    else if (!neither) perTransform[g.transform].removed++
  }
  const dupMeasured = opt.duplicates > 0
  const figures = {
    embedder: indexing.status.embedder.id,
    catalogue_products: products.size,
    queries_per_generator: queries.length,
    generators: perGenerator,
    duplicate_pairs: groups.length,
    duplicate_removal_recall: dupMeasured
      ? +(1 - extra / Math.max(1, groups.length)).toFixed(4)
      : null,
    duplicate_removal_by_transform: perTransform,
    false_merge_rate: dupMeasured
      ? +(merged / Math.max(1, considered)).toFixed(4)
      : null,
    latency_ms: {
      p50: +percentile(allLatency, 50).toFixed(1),
      p95: +percentile(allLatency, 95).toFixed(1),
    },
    indexing_images_per_minute: indexing.imagesPerMinute,
  }
  console.log("\nVisual search evaluation")
  table([
    ["embedder", figures.embedder],
    [
      "catalogue / queries",
      `${figures.catalogue_products} products / ${queries.length} shopper photos per generator`,
    ],
    [
      "duplicate removal recall",
      dupMeasured
        ? `${figures.duplicate_removal_recall} (${groups.length} planted)`
        : "not measured (--duplicates 0 or --reuse)",
    ],
    [
      "false-merge rate",
      dupMeasured ? figures.false_merge_rate : "not measured",
    ],
    [
      "latency p50 / p95 (ms)",
      `${figures.latency_ms.p50} / ${figures.latency_ms.p95}`,
    ],
    ["indexing (images/min)", figures.indexing_images_per_minute],
  ])
  console.log(
    "\n  generator   purchasable@10  precision@5  colour@5  violations  p95 ms"
  )
  for (const [g, f] of Object.entries(perGenerator))
    console.log(
      `  ${g.padEnd(10)}  ${String(f["purchasable@10"]).padEnd(14)}  ${String(f["precision@5"]).padEnd(11)}  ${String(f["colour_match@5"]).padEnd(8)}  ${String(f.constraint_violations).padEnd(10)}  ${f.latency_ms.p95}`
    )
  if (opt.misses)
    console.log(
      `\n  queries without a right-type result in the first ten (${misses.length}):\n${misses.map((l) => `  ${l}`).join("\n")}`
    )
  console.log(
    `\nwrote ${writeResults("eval-visual", { options: opt, ...figures })}`
  )
} finally {
  await store.stop()
}
