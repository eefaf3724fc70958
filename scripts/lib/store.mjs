// Brings a database to a ready store: migrated, seeded, with an admin user
// and the storefront's publishable key. Each part is skipped when done.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { BACKEND, BIN, ROOT, run, step } from "./proc.mjs"
import { queryStore } from "./db.mjs"

export const DEMO_ADMIN = {
  email: process.env.CURATOR_ADMIN_EMAIL || "admin@curatorai.local",
  password: process.env.CURATOR_ADMIN_PASSWORD || "curatorai-demo",
}
const MEDUSA = path.join(BIN, "medusa")

/** What decides whether migrations may have changed: Medusa's version and our own migration files. */
function migrationFingerprint() {
  const h = crypto.createHash("sha256")
  h.update(
    fs.readFileSync(
      path.join(ROOT, "node_modules/@medusajs/medusa/package.json")
    )
  )
  const modules = path.join(BACKEND, "src/modules")
  const links = path.join(BACKEND, "src/links")
  for (const dir of [modules, links]) {
    if (!fs.existsSync(dir)) continue
    for (const f of fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .sort()) {
      if (f.includes("migrations") || dir === links)
        h.update(f + fs.statSync(path.join(dir, f)).mtimeMs)
    }
  }
  return h.digest("hex")
}

export async function migrate(url, { force = false, stateFile } = {}) {
  const fp = migrationFingerprint()
  const key = `${fp}:${url}`
  if (
    !force &&
    stateFile &&
    fs.existsSync(stateFile) &&
    fs.readFileSync(stateFile, "utf8") === key
  ) {
    step("migrations: up to date")
    return
  }
  step("running database migrations…")
  const t0 = Date.now()
  await run(MEDUSA, ["db:migrate"], {
    cwd: BACKEND,
    env: { DATABASE_URL: url },
    quiet: true,
  })
  if (stateFile) fs.writeFileSync(stateFile, key)
  step(`migrations done (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
}

export async function seed(url, count, env = {}) {
  step(`seeding the catalogue${count ? ` (${count} products)` : ""}…`)
  await run(
    MEDUSA,
    ["exec", "./src/scripts/seed.ts", ...(count ? [String(count)] : [])],
    {
      cwd: BACKEND,
      // file URLs are minted from MEDUSA_BACKEND_URL: it must be the URL the store will be served on
      env: { DATABASE_URL: url, ...env },
      prefix: "\x1b[35m[seed]\x1b[0m",
      filter: (l) => l.includes("[seed]") || /error/i.test(l),
    }
  )
}

export async function publishableKey(url) {
  const rows = await queryStore(
    url,
    `SELECT token FROM api_key WHERE title = $1 AND type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1`,
    ["CuratorAI Storefront"]
  )
  return rows[0]?.token
}

export async function ensureAdmin(url) {
  const rows = await queryStore(
    url,
    `SELECT 1 FROM "user" WHERE email = $1 AND deleted_at IS NULL`,
    [DEMO_ADMIN.email]
  )
  if (rows.length) return false
  await run(
    MEDUSA,
    ["user", "-e", DEMO_ADMIN.email, "-p", DEMO_ADMIN.password],
    { cwd: BACKEND, env: { DATABASE_URL: url }, quiet: true }
  )
  step(`created the admin user ${DEMO_ADMIN.email}`)
  return true
}

/** Migrate → seed when the catalogue is missing → admin user → publishable key. */
export async function prepareStore(url, { stateFile, count, env } = {}) {
  await migrate(url, { stateFile })
  const [{ n } = { n: 0 }] = await queryStore(
    url,
    `SELECT count(*)::int AS n FROM product WHERE deleted_at IS NULL`
  )
  if (!n || count || !(await publishableKey(url))) await seed(url, count, env)
  else step(`catalogue: ${n} products already seeded`)
  const createdAdmin = await ensureAdmin(url)
  const pk = await publishableKey(url)
  if (!pk)
    throw new Error(
      "seeding finished but no publishable key exists: see the seed output above"
    )
  return { pk, createdAdmin }
}
