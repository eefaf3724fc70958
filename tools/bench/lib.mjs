// Shared by the visual-search evaluation and benchmark: a real backend on a
// catalogue seeded from the shared dataset, driven through its HTTP API.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import {
  createDatabase,
  dropDatabase,
  ensureDatabase,
} from "../../scripts/lib/db.mjs"
import {
  BACKEND,
  BIN,
  ROOT,
  run,
  service,
  step,
  waitForHttp,
} from "../../scripts/lib/proc.mjs"
import {
  ensureAdmin,
  migrate,
  publishableKey,
  DEMO_ADMIN,
} from "../../scripts/lib/store.mjs"

const require = createRequire(import.meta.url)
export const TOOLS = path.join(ROOT, "tools")

function registerTs() {
  if (globalThis.__tsRegistered) return
  require("ts-node").register({
    transpileOnly: true,
    project: path.join(BACKEND, "tsconfig.json"),
  })
  globalThis.__tsRegistered = true
}
/** Loads backend TypeScript (embedders, near-copy, the shopper-photo test fixture) through ts-node. */
export function backendTs(rel) {
  registerTs()
  return require(path.join(BACKEND, rel))
}
/** Loads TypeScript of this workspace (dataset split, training code) through ts-node. */
export function toolsTs(rel) {
  registerTs()
  return require(path.join(TOOLS, rel))
}

export function args(defaults) {
  const out = { ...defaults }
  for (let i = 2; i < process.argv.length; i++) {
    const m = process.argv[i].match(/^--([\w-]+)(?:=(.*))?$/)
    if (m) out[m[1]] = m[2] ?? process.argv[++i]
  }
  for (const k of Object.keys(defaults))
    if (typeof defaults[k] === "number") out[k] = Number(out[k])
  return out
}

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b)
  return s.length
    ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
    : NaN
}

/** A fresh database seeded with exactly `ids`, and a production-mode backend on it. */
export async function startStore({
  name,
  ids,
  port,
  embedder,
  datasetDir,
  reuse = false,
  // where the PostgreSQL cluster (and the list of seeded ids) lives; keep it to --reuse the store later
  dataDir = path.join(ROOT, ".data", "bench-postgres"),
  // seed processes working side by side on slices of the rows (after one pass creating the categories and tags)
  seedProcesses = 1,
  // more environment for the seed and the backend (e.g. CURATOR_VISUAL_INDEXING=false for a text-only store)
  env = {},
  // continue a seed of the same products that was interrupted instead of starting over
  resume = false,
}) {
  const db = await ensureDatabase({
    name: "postgres",
    dataDir,
    port: Number(process.env.CURATOR_BENCH_PG_PORT || 54349),
  })
  const url = (() => {
    const { host, port: p, user, password } = db.admin
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host === "127.0.0.1" ? "localhost" : host}:${p}/${name}`
  })()
  const idsFile = path.join(path.dirname(dataDir), `${name}-ids.txt`)
  if (
    reuse &&
    fs.existsSync(idsFile) &&
    fs.readFileSync(idsFile, "utf8") === ids.join("\n")
  ) {
    // the store an earlier run seeded and indexed, as it was left
    step(`reusing the ${ids.length}-product store of an earlier run (--reuse)`)
    await migrate(url)
  } else {
    if (reuse)
      throw new Error(
        `--reuse: no store of an earlier run with these ${ids.length} products (run once without --reuse)`
      )
    // a seed of these products that was interrupted: continue it (the seed skips what exists and completes its stock)
    const interrupted =
      resume &&
      fs.existsSync(`${idsFile}.new`) &&
      fs.readFileSync(`${idsFile}.new`, "utf8") === ids.join("\n")
    if (!interrupted) {
      await dropDatabase(db.admin, name)
      await createDatabase(db.admin, name)
    }
    await migrate(url)
    fs.mkdirSync(path.dirname(idsFile), { recursive: true })
    const t0 = Date.now()
    step(
      `${interrupted ? "continuing the interrupted seed of" : "seeding"} ${ids.length} products…`
    )
    // the list is kept under its name only once the seed is complete: --reuse trusts it
    fs.rmSync(idsFile, { force: true })
    fs.writeFileSync(`${idsFile}.new`, ids.join("\n"))
    const seedEnv = {
      DATABASE_URL: url,
      CURATOR_EMBEDDER: embedder,
      ...(datasetDir ? { CURATOR_DATASET_DIR: datasetDir } : {}),
      ...env,
    }
    const seedRows = (file, extra = {}) =>
      run(
        path.join(BIN, "medusa"),
        ["exec", "./src/scripts/seed.ts", `@${file}`],
        {
          cwd: BACKEND,
          env: { ...seedEnv, ...extra },
          quiet: true,
        }
      )
    if (seedProcesses > 1) {
      // one pass creates the store setup, categories and tags; then each process seeds its slice
      await seedRows(`${idsFile}.new`, { CURATOR_SEED_TAXONOMY_ONLY: "true" })
      const per = Math.ceil(ids.length / seedProcesses)
      await Promise.all(
        Array.from({ length: seedProcesses }, (_, k) => {
          const file = `${idsFile}.part${k}`
          fs.writeFileSync(file, ids.slice(k * per, (k + 1) * per).join("\n"))
          return seedRows(file).finally(() => fs.rmSync(file, { force: true }))
        })
      )
    } else await seedRows(`${idsFile}.new`)
    fs.renameSync(`${idsFile}.new`, idsFile)
    step(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  }
  await ensureAdmin(url)
  const pk = await publishableKey(url)
  const backendUrl = `http://localhost:${port}`
  const started = Date.now()
  const backend = service(path.join(BIN, "medusa"), ["start"], {
    cwd: BACKEND,
    env: {
      DATABASE_URL: url,
      PORT: String(port),
      DISABLE_MEDUSA_ADMIN: "true",
      NODE_ENV: "production",
      JWT_SECRET: crypto.randomBytes(24).toString("hex"),
      COOKIE_SECRET: crypto.randomBytes(24).toString("hex"),
      CURATOR_FORWARD_SECRET: crypto.randomBytes(24).toString("hex"),
      CURATOR_SERVER_TIMING: "true",
      // info: the lines the filter below shows (the offer cache's warm-up) are info
      LOG_LEVEL: "info",
      CURATOR_EMBEDDER: embedder,
      MEDUSA_BACKEND_URL: backendUrl,
      CURATOR_RATE_LIMIT_SEARCH: "0",
      CURATOR_RATE_LIMIT_WRITES: "0",
      CURATOR_RATE_LIMIT_POSTS: "0",
      ...env,
    },
    prefix: "[backend]",
    filter: (l) => /error|embedder|product structures/i.test(l),
  })
  // a run that crashes (an uncaught error skips its `finally`) must not leave its server running, busy and on the port
  process.once("exit", () => backend.stopGroup("SIGKILL"))
  await waitForHttp(`${backendUrl}/health`, { child: backend })
  const token = (
    await (
      await fetch(`${backendUrl}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(DEMO_ADMIN),
      })
    ).json()
  ).token
  const api = async (p, init = {}) => {
    const res = await fetch(`${backendUrl}${p}`, {
      ...init,
      headers: {
        ...(init.headers ?? {}),
        ...(p.startsWith("/admin")
          ? { authorization: `Bearer ${token}` }
          : { "x-publishable-api-key": pk }),
      },
    })
    const body = await res.json().catch(() => ({}))
    if (!res.ok)
      throw new Error(
        `${init.method ?? "GET"} ${p} → ${res.status}: ${body.message ?? ""}`
      )
    Object.defineProperty(body, "serverTiming", {
      value: res.headers.get("server-timing"),
      enumerable: false,
    })
    return body
  }
  const stop = async () => {
    backend.stopGroup("SIGTERM")
    await new Promise((r) => setTimeout(r, 1500))
    backend.stopGroup("SIGKILL")
    await db.stop()
  }
  return {
    api,
    backend,
    backendUrl,
    pk,
    stop,
    url,
    bootMs: Date.now() - started,
  }
}

/** Reindexes every product (or `productIds`) through the admin API; images per minute over the run. */
export async function reindexAll(api, productIds) {
  let t0 = Date.now()
  let status
  // the catch-up job may be indexing already: let it finish, then reindex everything
  for (;;) {
    try {
      t0 = Date.now()
      await api("/admin/visual-search/reindex", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(productIds ? { product_ids: productIds } : {}),
      })
      break
    } catch (e) {
      if (!/→ 409/.test(String(e))) throw e
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000))
    status = await api("/admin/visual-search/status")
    if (!status.progress.running) break
    step(`indexing ${status.progress.done}/${status.progress.total} products`)
  }
  const minutes = (Date.now() - t0) / 60000
  // a reindex of some products indexed their images only: the store's mean images per product times the products done
  const images = productIds
    ? (status.progress.done * status.counts.images) /
      Math.max(1, status.counts.products)
    : status.counts.indexed
  return {
    status,
    imagesPerMinute: Math.round(images / minutes),
    seconds: (Date.now() - t0) / 1000,
  }
}

/**
 * A serving store has searched before: one search per region starts the offer
 * warmer and the near-copy worker's background pass, then this waits until
 * every region's offer sheet covers the index and the pass is done
 * (GET /admin/visual-search/status → offers, near_copies), so figures measure
 * searches, not the first fill.
 */
export async function warmOfferSheets(api, regions, jpeg) {
  for (const r of regions)
    await visualSearch(api, jpeg, { region_id: r.id, limit: 12 })
  const t0 = Date.now()
  for (;;) {
    const { offers, near_copies } = await api("/admin/visual-search/status")
    const full = offers.sheets.filter((s) => s.fresh > 0)
    // and the near-copy worker's background pass over the index is done (absent before that change)
    const copies = !near_copies || near_copies.idle
    if (
      offers.warmer.passes > 0 &&
      !offers.warmer.running &&
      full.length >= regions.length &&
      copies
    )
      break
    await new Promise((r) => setTimeout(r, 1000))
  }
  const { near_copies } = await api("/admin/visual-search/status")
  step(
    `offer sheets filled for ${regions.length} regions${near_copies ? `, ${near_copies.decided} near-copy pairs decided ahead` : ""} in ${((Date.now() - t0) / 1000).toFixed(0)} s`
  )
}

export async function visualSearch(api, jpeg, params) {
  const form = new FormData()
  form.append(
    "image",
    new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }),
    "q.jpg"
  )
  const qs = new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)])
  )
  const t0 = performance.now()
  const body = await api(`/store/visual-search?${qs}`, {
    method: "POST",
    body: form,
  })
  const ms = performance.now() - t0
  // "embed;dur=12.3, knn;dur=0.8, …" → { embed: 12.3, knn: 0.8, … }
  const phases = Object.fromEntries(
    (body.serverTiming ?? "")
      .split(",")
      .map((x) => x.trim().match(/^(\w+);dur=([\d.]+)$/))
      .filter(Boolean)
      .map((m) => [m[1], Number(m[2])])
  )
  return { body, ms, phases }
}

export function writeResults(name, data) {
  const dir = path.join(TOOLS, "bench", "results")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.json`)
  fs.writeFileSync(
    file,
    JSON.stringify({ ...data, at: new Date().toISOString() }, null, 2)
  )
  return file
}

export function table(rows) {
  const w = Math.max(...rows.map(([k]) => k.length))
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`)
}

/**
 * A shop's badge stamped in a corner of a 224×224 photo (an opaque dark box with
 * white text), as an SVG to composite: a planted kind of near copy. `corner` 0–3:
 * top left, top right, bottom left, bottom right.
 */
export function shopBadge(corner) {
  const [x, y] = [
    [8, 8],
    [160, 8],
    [8, 192],
    [160, 192],
  ][corner % 4]
  return Buffer.from(
    `<svg width="224" height="224"><rect x="${x}" y="${y}" width="56" height="24" rx="4" fill="rgba(20,20,20,0.7)"/><text x="${x + 28}" y="${y + 17}" text-anchor="middle" font-size="13" font-family="sans-serif" fill="white">DEALS</text></svg>`
  )
}
