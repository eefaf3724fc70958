#!/usr/bin/env node
// npm run dev: database → migrations → seed → admin user → backend + admin + storefront.
// Ctrl-C stops everything, the embedded database included.
import fs from "node:fs"
import path from "node:path"
import { ensureDatabase } from "./lib/db.mjs"
import {
  BACKEND,
  BIN,
  ROOT,
  STOREFRONT,
  service,
  step,
  waitForHttp,
} from "./lib/proc.mjs"
import { DEMO_ADMIN, prepareStore } from "./lib/store.mjs"

const BACKEND_PORT = Number(process.env.PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)
const backendUrl =
  process.env.MEDUSA_BACKEND_URL || `http://localhost:${BACKEND_PORT}`

const children = []
let db
let stopping = false
async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  step("stopping…")
  for (const c of children) c.stopGroup("SIGTERM")
  await new Promise((r) => setTimeout(r, 1500))
  for (const c of children) c.stopGroup("SIGKILL")
  if (db) await db.stop()
  step("stopped")
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

try {
  fs.mkdirSync(path.join(ROOT, ".data"), { recursive: true })
  db = await ensureDatabase()
  const { pk, createdAdmin } = await prepareStore(db.url, {
    stateFile: path.join(ROOT, ".data", "migrated"),
    env: { MEDUSA_BACKEND_URL: backendUrl },
  })

  const env = {
    DATABASE_URL: db.url,
    MEDUSA_BACKEND_URL: backendUrl,
    MEDUSA_PUBLISHABLE_KEY: pk,
    PORT: String(BACKEND_PORT),
  }
  step("starting the Medusa backend and admin…")
  const backend = service(path.join(BIN, "medusa"), ["develop"], {
    cwd: BACKEND,
    env,
    prefix: "\x1b[33m[backend]\x1b[0m",
  })
  children.push(backend)
  step("starting the storefront…")
  const storefront = service(
    path.join(BIN, "remix"),
    ["vite:dev", "--port", String(STOREFRONT_PORT), "--strictPort"],
    {
      cwd: STOREFRONT,
      // the "Sign in with Google" button shows only when the backend has Google credentials
      env: {
        ...env,
        PORT: String(STOREFRONT_PORT),
        GOOGLE_AUTH_ENABLED: String(
          !!(process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_CLIENT_SECRET)
        ),
      },
      prefix: "\x1b[32m[storefront]\x1b[0m",
    }
  )
  children.push(storefront)
  for (const c of children)
    c.on("exit", (code) => {
      if (!stopping) {
        step(`a service exited (${code}); stopping`)
        shutdown(1)
      }
    })

  await waitForHttp(`${backendUrl}/health`, {
    child: backend,
    timeoutMs: 300000,
  })
  await waitForHttp(`http://localhost:${STOREFRONT_PORT}/`, {
    child: storefront,
    timeoutMs: 300000,
  })
  const lines = [
    "",
    "  CuratorAI is running",
    `  storefront   http://localhost:${STOREFRONT_PORT}`,
    `  backend      ${backendUrl}   (store API: ${backendUrl}/store/products)`,
    `  admin        ${backendUrl}/app`,
    `  admin login  ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}${createdAdmin ? "   (created just now)" : ""}`,
    `  publishable key  ${pk}`,
    `  try:  curl -H 'x-publishable-api-key: ${pk}' '${backendUrl}/store/regions'`,
    db.embedded
      ? `  database     embedded PostgreSQL, data in .data/postgres (delete it to start over)`
      : `  database     ${new URL(db.url).host}`,
    "  Ctrl-C stops everything.",
    "",
  ]
  console.log(lines.join("\n"))
} catch (e) {
  console.error(`\n\x1b[31mcould not start CuratorAI:\x1b[0m ${e.message}`)
  await shutdown(1)
}
