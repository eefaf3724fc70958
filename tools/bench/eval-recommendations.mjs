#!/usr/bin/env node
// npm run eval:recommendations [-- --shoppers 60 --feedback-shoppers 20 --seed 5 --reuse 1]
// Simulated shoppers with hidden tastes (gender, colours, occasions, article types,
// a price ceiling, sizes) use a seeded demo store through its HTTP API only:
// they register, state sizes/budget/gender in their style profile (not their
// taste), interact with products they like (signals), the admin trains, and
// then we measure, against the store's own product API (/store/products with
// calculated prices and inventory, not what the recommendation route claims):
//   constraint satisfaction, hit-rate@10 / NDCG@10 on held-out interactions vs a
//   popularity baseline and a content-only variant, feedback responsiveness over
//   5 rounds, outfit validity, intra-list diversity and catalogue coverage.
// The simulator draws tastes from the catalogue's own labels; nothing in the
// ranking reads this file.
import pg from "pg"
import { DEMO_DIR } from "./search-lib.mjs"
import { step } from "../../scripts/lib/proc.mjs"
import { args, backendTs, startStore, table, writeResults } from "./lib.mjs"
import { readStyles } from "../lib/dataset.mjs"

const opt = args({
  shoppers: 60,
  "feedback-shoppers": 20,
  seed: 5,
  port: 9204,
  reuse: "",
  train: 7,
  heldout: 3,
})
const reuse = !!opt.reuse && opt.reuse !== "0"
const { mulberry32 } = backendTs("test-fixtures/shopper-photo.ts")
const { familyOf } = backendTs("src/lib/style-vocabulary.ts")
const rand = mulberry32(opt.seed)
const pick = (xs) => xs[Math.floor(rand() * xs.length)]
const sample = (xs, n) => {
  const a = [...xs]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a.slice(0, n)
}

const demo = readStyles(DEMO_DIR)
const store = await startStore({
  name: "curatorai_eval_recs",
  ids: demo.map((r) => r.id),
  port: opt.port,
  embedder: "classic",
  datasetDir: DEMO_DIR,
  reuse,
})
const { api, backendUrl, pk } = store
if (reuse) {
  // a clean slate for the simulated shoppers: no signals, lists, feedback or model of an earlier run
  const db = new pg.Client({ connectionString: store.url })
  await db.connect()
  for (const t of [
    "rec_signal",
    "rec_feedback",
    "recommendation",
    "rec_item_similarity",
  ])
    await db.query(`DELETE FROM ${t}`)
  await db.end()
  step("--reuse: cleared the recommendation tables of the earlier run")
}
const call = async (method, p, body, headers = {}) => {
  const res = await fetch(`${backendUrl}${p}`, {
    method,
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": pk,
      ...headers,
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok)
    throw new Error(`${method} ${p} → ${res.status}: ${json.message}`)
  return json
}

try {
  const { regions } = await api("/store/regions")
  const eur = regions.find((r) => r.currency_code === "eur")
  // ---- the store's own view of every product in the region: prices, stock, sizes
  const catalogue = new Map()
  for (let offset = 0; ; offset += 100) {
    const { products, count } = await api(
      `/store/products?region_id=${eur.id}&limit=100&offset=${offset}&fields=id,title,metadata,*variants,*variants.options,*variants.options.option,+variants.inventory_quantity,+variants.manage_inventory,*variants.calculated_price`
    )
    for (const p of products) catalogue.set(p.id, p)
    if (offset + 100 >= count) break
  }
  step(`${catalogue.size} products in the store's region ${eur.name}`)
  const sizeOf = (v) =>
    (v.options ?? []).find((o) => o.option?.title === "Size")?.value ?? null
  const inStock = (v) => !v.manage_inventory || (v.inventory_quantity ?? 0) > 0
  const price = (v) => v.calculated_price?.calculated_amount ?? null
  const sizeFor = (shopper, p) => {
    const fam = familyOf(p.metadata ?? {})
    return fam && fam !== "accessories" ? shopper.sizes[fam] : null
  }
  /** Why the store says this shopper cannot buy this variant of this product (null = can). */
  const violation = (shopper, productId, variantId) => {
    const p = catalogue.get(productId)
    if (!p) return "not sold in the region"
    const v = p.variants.find((x) => x.id === variantId)
    if (!v) return "variant not in the product"
    if (price(v) == null) return "not priced in the region"
    if (!inStock(v)) return "out of stock"
    const want = sizeFor(shopper, p)
    if (want && sizeOf(v) !== want) return `size ${sizeOf(v)} ≠ ${want}`
    if (price(v) > shopper.budget)
      return `price ${price(v)} > ${shopper.budget}`
    return null
  }
  const buyable = (shopper, p) =>
    p.variants.some((v) => !violation(shopper, p.id, v.id))

  // ---- hidden tastes, drawn from the catalogue's labels
  const products = [...catalogue.values()]
  const labels = (p) => p.metadata ?? {}
  const values = (key, pred = () => true) => [
    ...new Set(
      products
        .filter(pred)
        .map((p) => labels(p)[key])
        .filter(Boolean)
    ),
  ]
  const shoppers = []
  for (let s = 0; s < opt.shoppers; s++) {
    const gender = rand() < 0.6 ? "Men" : "Women"
    const mine = (p) => [gender, "Unisex"].includes(labels(p).gender)
    const taste = {
      gender,
      colours: sample(values("base_colour", mine), 3),
      occasions: rand() < 0.7 ? ["Casual"] : sample(values("usage", mine), 2),
      articles: sample(values("article_type", mine), 4),
    }
    const shopper = {
      taste,
      budget: pick([40, 60, 80, 120]),
      sizes: {
        top: pick(["S", "M", "L"]),
        bottom: pick(["S", "M", "L"]),
        dress: pick(["S", "M"]),
        shoes:
          gender === "Men"
            ? pick(["41", "42", "43"])
            : pick(["37", "38", "39"]),
      },
    }
    shopper.likes = (p) =>
      mine(p) &&
      taste.occasions.includes(labels(p).usage) &&
      (taste.articles.includes(labels(p).article_type) ||
        taste.colours.includes(labels(p).base_colour))
    const positives = sample(
      products.filter((p) => shopper.likes(p) && buyable(shopper, p)),
      opt.train + opt.heldout
    )
    if (positives.length < opt.train + 1) continue
    shopper.train = positives.slice(0, opt.train).map((p) => p.id)
    shopper.heldout = positives.slice(opt.train).map((p) => p.id)
    shoppers.push(shopper)
  }
  step(`${shoppers.length} simulated shoppers with enough buyable taste`)

  // ---- they register, fill sizes/budget/gender, and interact
  const tag = Date.now()
  for (const [i, s] of shoppers.entries()) {
    const email = `sim-${tag}-${i}@eval.local`
    const password = "eval-pass-123"
    const reg = (
      await call("POST", "/auth/customer/emailpass/register", {
        email,
        password,
      })
    ).token
    s.id = (
      await call(
        "POST",
        "/store/customers",
        { email },
        { authorization: `Bearer ${reg}` }
      )
    ).customer.id
    s.headers = {
      authorization: `Bearer ${(await call("POST", "/auth/customer/emailpass", { email, password })).token}`,
    }
    await call(
      "POST",
      "/store/customers/me/style-profile",
      {
        sizes: s.sizes,
        budget: { max_item: s.budget },
        gender: s.taste.gender,
      },
      s.headers
    )
    await call(
      "POST",
      "/store/customers/me/recommendations/signals",
      {
        signals: s.train.flatMap((id, k) => [
          { product_id: id, kind: "view" },
          { product_id: id, kind: k % 2 ? "cart" : "like" },
        ]),
      },
      s.headers
    )
  }
  const { model } = await api("/admin/recommendations/train", {
    method: "POST",
  })
  step(`trained: ${model.shoppers} shoppers, ${model.items} items`)

  const list = (s, kind, limit) =>
    call(
      "GET",
      `/store/customers/me/recommendations?region_id=${eur.id}&kind=${kind}&limit=${limit}`,
      null,
      s.headers
    )

  // ---- ranking quality on held-out interactions
  const ndcg = (ranked, relevant) => {
    let dcg = 0
    ranked.slice(0, 10).forEach((id, k) => {
      if (relevant.has(id)) dcg += 1 / Math.log2(k + 2)
    })
    let ideal = 0
    for (let k = 0; k < Math.min(10, relevant.size); k++)
      ideal += 1 / Math.log2(k + 2)
    return ideal ? dcg / ideal : 0
  }
  const popularity = new Map()
  for (const s of shoppers)
    for (const id of s.train) popularity.set(id, (popularity.get(id) ?? 0) + 1)
  const score = { route: [], popularity: [], content: [] }
  const served = new Set()
  const checks = { items: 0, violations: [] }
  const diversity = []
  for (const s of shoppers) {
    const seen = new Set(s.train)
    const relevant = new Set(s.heldout)
    const candidates = products.filter((p) => !seen.has(p.id) && buyable(s, p))
    const { recommendations } = await list(s, "product", 10)
    const ranked = recommendations.map((r) => r.items[0].product.id)
    for (const r of recommendations)
      for (const it of r.items) {
        checks.items++
        served.add(it.product.id)
        const why = violation(s, it.product.id, it.variant?.id)
        if (why) checks.violations.push(`${it.product.id}: ${why}`)
      }
    // intra-list diversity: mean pairwise difference in (article type, colour)
    let pairs = 0
    let diff = 0
    for (let a = 0; a < ranked.length; a++)
      for (let b = a + 1; b < ranked.length; b++) {
        const x = labels(catalogue.get(ranked[a]) ?? {})
        const y = labels(catalogue.get(ranked[b]) ?? {})
        diff +=
          (x.article_type !== y.article_type) / 2 +
          (x.base_colour !== y.base_colour) / 2
        pairs++
      }
    if (pairs) diversity.push(diff / pairs)
    const pop = [...candidates]
      .sort((a, b) => (popularity.get(b.id) ?? 0) - (popularity.get(a.id) ?? 0))
      .map((p) => p.id)
    // content-only: the labels of the shopper's own interactions, no other shopper's
    const weight = (key) => {
      const m = new Map()
      for (const id of s.train) {
        const v = labels(catalogue.get(id))[key]
        m.set(v, (m.get(v) ?? 0) + 1)
      }
      return m
    }
    const [arts, cols, uses] = ["article_type", "base_colour", "usage"].map(
      weight
    )
    const content = [...candidates]
      .map((p) => ({
        id: p.id,
        v:
          (arts.get(labels(p).article_type) ?? 0) +
          (cols.get(labels(p).base_colour) ?? 0) +
          0.5 * (uses.get(labels(p).usage) ?? 0),
      }))
      .sort((a, b) => b.v - a.v)
      .map((x) => x.id)
    for (const [k, r] of [
      ["route", ranked],
      ["popularity", pop],
      ["content", content],
    ]) {
      score[k].push({
        hit: r.slice(0, 10).some((id) => relevant.has(id)) ? 1 : 0,
        ndcg: ndcg(r, relevant),
      })
    }
  }
  const mean = (xs) =>
    xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0
  const quality = Object.fromEntries(
    Object.entries(score).map(([k, v]) => [
      k,
      {
        hit_rate_10: +mean(v.map((x) => x.hit)).toFixed(3),
        ndcg_10: +mean(v.map((x) => x.ndcg)).toFixed(3),
      },
    ])
  )

  // ---- outfits: every item checked against the store; slots, gender, occasion
  const outfits = { total: 0, complete: 0, one_gender: 0, one_occasion: 0 }
  for (const s of shoppers) {
    const { recommendations } = await list(s, "outfit", 5)
    for (const r of recommendations) {
      outfits.total++
      const slots = new Set(r.items.map((i) => i.slot))
      if (
        slots.has("shoes") &&
        (slots.has("one_piece") || (slots.has("top") && slots.has("bottom")))
      )
        outfits.complete++
      const ls = r.items
        .filter((i) => i.product)
        .map((i) => labels(catalogue.get(i.product.id) ?? {}))
      const genders = new Set(
        ls.map((l) => l.gender).filter((g) => g !== "Unisex")
      )
      if (genders.size <= 1) outfits.one_gender++
      if (new Set(ls.map((l) => l.usage)).size === 1) outfits.one_occasion++
      for (const it of r.items) {
        if (!it.product) continue
        checks.items++
        served.add(it.product.id)
        const why = violation(s, it.product.id, it.variant?.id)
        if (why) checks.violations.push(`${it.product.id}: ${why}`)
      }
    }
  }

  // ---- feedback responsiveness: like what matches the hidden taste, dislike the rest, 5 rounds
  const share = (recs) => {
    const ids = recs.map((r) => r.items[0].product.id)
    return ids.length
      ? ids.filter((id) => shoppers.cur.likes(catalogue.get(id))).length /
          ids.length
      : 0
  }
  const before = []
  const after = []
  for (const s of shoppers.slice(0, opt["feedback-shoppers"])) {
    shoppers.cur = s
    let recs = (await list(s, "product", 10)).recommendations
    before.push(share(recs))
    for (let round = 0; round < 5; round++) {
      for (const r of recs) {
        const good = s.likes(catalogue.get(r.items[0].product.id))
        await call(
          "POST",
          `/store/customers/me/recommendations/${r.id}/feedback`,
          good
            ? { rating: "like" }
            : { rating: "dislike", reason: "not_my_style" },
          s.headers
        )
      }
      recs = (await list(s, "product", 10)).recommendations
      for (const r of recs)
        for (const it of r.items) {
          checks.items++
          const why = violation(s, it.product.id, it.variant?.id)
          if (why) checks.violations.push(`${it.product.id}: ${why}`)
        }
    }
    after.push(share(recs))
  }
  const buyableAny = products.filter((p) =>
    shoppers.some((s) => buyable(s, p))
  ).length
  const figures = {
    products: catalogue.size,
    shoppers: shoppers.length,
    constraint_satisfaction: checks.items
      ? +(1 - checks.violations.length / checks.items).toFixed(4)
      : null,
    items_checked: checks.items,
    violations: checks.violations.slice(0, 20),
    quality,
    feedback: {
      shoppers: before.length,
      taste_share_before: +mean(before).toFixed(3),
      taste_share_after_5_rounds: +mean(after).toFixed(3),
    },
    outfits,
    intra_list_diversity: +mean(diversity).toFixed(3),
    coverage: +(served.size / Math.max(1, buyableAny)).toFixed(3),
  }
  console.log("\nRecommendations evaluation (simulated shoppers, HTTP only)")
  table([
    [
      "store",
      `${figures.products} products in ${eur.name}; ${figures.shoppers} shoppers, ${opt.train} interactions each, ${opt.heldout} held out`,
    ],
    [
      "constraint satisfaction",
      `${(100 * figures.constraint_satisfaction).toFixed(2)}% of ${checks.items} items (checked on /store/products)`,
    ],
    ...Object.entries(quality).map(([k, v]) => [
      `${k} hit-rate@10 / NDCG@10`,
      `${v.hit_rate_10} / ${v.ndcg_10}`,
    ]),
    [
      "feedback: taste share before → after 5 rounds",
      `${figures.feedback.taste_share_before} → ${figures.feedback.taste_share_after_5_rounds} (${before.length} shoppers)`,
    ],
    [
      "outfits: complete / one gender / one occasion",
      `${outfits.complete} / ${outfits.one_gender} / ${outfits.one_occasion} of ${outfits.total}`,
    ],
    [
      "intra-list diversity (article type, colour)",
      String(figures.intra_list_diversity),
    ],
    [
      "catalogue coverage",
      `${served.size} of ${buyableAny} buyable products (${figures.coverage})`,
    ],
  ])
  if (checks.violations.length)
    console.log("violations:", checks.violations.slice(0, 20))
  console.log(
    `\nwrote ${writeResults("eval-recommendations", { options: opt, ...figures })}`
  )
  console.log("re-run on this store: npm run eval:recommendations -- --reuse 1")
} finally {
  await store.stop()
}
