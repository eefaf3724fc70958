// Shared by the text-search evaluation and benchmark: a real backend on a seeded
// catalogue, its search index filled by the Search Module, driven over HTTP.
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../lib/dataset.mjs"
import { BACKEND, ROOT, step } from "../../scripts/lib/proc.mjs"
import { startStore } from "./lib.mjs"

export const DEMO_DIR = path.join(BACKEND, "data", "demo-catalog")

/** `n` products: the demo catalogue's own rows (n ≤ its size, or n = 0 for all of it), else rows of the shared dataset, cycled as the visual bench does. */
export async function catalogueRows(n, { images = true } = {}) {
  const demo = readStyles(DEMO_DIR)
  if (!n || n <= demo.length)
    return { rows: n ? demo.slice(0, n) : demo, dir: DEMO_DIR }
  const dir = path.join(ROOT, ".data", "bench-dataset")
  fs.mkdirSync(path.join(dir, "images"), { recursive: true })
  const rows = readStyles(DATASET_DIR).filter((r) =>
    SELLABLE_MASTER.has(r.masterCategory)
  )
  const out = []
  for (let i = 0; out.length < n; i++) {
    const r = rows[i % rows.length]
    const edition = Math.floor(i / rows.length)
    const id = edition ? String(Number(r.id) * 10 + edition) + "0" : r.id
    const file = path.join(dir, "images", `${id}.jpg`)
    // a reused store needs the ids only, not the photos its seed read
    if (images && !fs.existsSync(file)) {
      if (edition) {
        const m = 4 * edition
        await sharp(path.join(DATASET_DIR, "images", `${r.id}.jpg`))
          .flop()
          .extract({ left: m, top: m, width: 224 - 2 * m, height: 224 - 2 * m })
          .resize(224, 224)
          .jpeg({ quality: 88 })
          .toFile(file)
      } else
        fs.symlinkSync(path.join(DATASET_DIR, "images", `${r.id}.jpg`), file)
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
  return { rows: out, dir }
}

/** A store with these rows, its backend up and its search index caught up with the catalogue. */
export async function startSearchStore({
  name,
  rows,
  dir,
  port,
  reuse,
  dataDir,
  seedProcesses = 1,
  env = {},
  resume = false,
}) {
  const store = await startStore({
    name,
    ids: rows.map((r) => r.id),
    port,
    embedder: "classic",
    datasetDir: dir,
    reuse,
    ...(dataDir ? { dataDir } : {}),
    seedProcesses,
    env,
    resume,
  })
  const regions = await store.api("/store/regions")
  const byCurrency = Object.fromEntries(
    regions.regions.map((r) => [r.currency_code, r])
  )
  // the Search Module fills a new index in the background at boot: wait until the count settles
  step("waiting for the search index…")
  const t0 = Date.now()
  let last = -1
  let stableSince = Date.now()
  for (;;) {
    // a kept-alive socket the busy server closed just then: ask again
    const res = await fetch(
      `${store.backendUrl}/store/search?region_id=${byCurrency.eur.id}&limit=1`,
      { headers: { "x-publishable-api-key": store.pk } }
    ).catch((e) =>
      /ECONNRESET|socket/.test(String(e?.cause ?? e)) ? null : Promise.reject(e)
    )
    if (!res) {
      await new Promise((r) => setTimeout(r, 1000))
      continue
    }
    // 503 while the Search Module builds the first version of the index at boot
    const count = res.status === 503 ? 0 : (await res.json()).count
    if (res.status !== 200 && res.status !== 503)
      throw new Error(`GET /store/search → ${res.status}`)
    if (count !== last) {
      last = count
      stableSince = Date.now()
    } else if (count > 0 && Date.now() - stableSince > 8000) break
    if (Date.now() - t0 > 30 * 60_000)
      throw new Error("the search index did not settle in 30 minutes")
    await new Promise((r) => setTimeout(r, 1000))
  }
  step(
    `search index ready: ${last} products buyable in Europe (${((Date.now() - t0) / 1000).toFixed(0)} s)`
  )
  return { ...store, regions: byCurrency }
}

/** Every product id a region's shoppers can buy, with its labels, through the endpoint itself (empty query). */
export async function buyable(api, regionId) {
  const ids = new Set()
  for (let offset = 0; ; offset += 100) {
    const { products, count } = await api(
      `/store/search?region_id=${regionId}&limit=100&offset=${offset}&sort=newest`
    )
    for (const p of products) ids.add(p.product.id)
    if (offset + 100 >= count || !products.length) break
  }
  return ids
}
