import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { Client } from "pg"

/**
 * These run the real `medusa` CLI as a child process, the way a deployment
 * does: what they prove is about process start-up, which an in-process test
 * runner cannot show.
 */
jest.setTimeout(240 * 1000)

const BACKEND = path.resolve(__dirname, "../..")
const MEDUSA = path.resolve(BACKEND, "../node_modules/.bin/medusa")
const DB = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://localhost:6379"
const dbName = `curatorai_prod_${process.pid}`
const dbUrl = `postgres://${encodeURIComponent(DB.user)}:${encodeURIComponent(DB.password)}@${DB.host}:${DB.port}/${dbName}`
const strongSecrets = {
  JWT_SECRET: "a".repeat(12) + "b".repeat(20),
  COOKIE_SECRET: "c".repeat(12) + "d".repeat(20),
  CURATOR_FORWARD_SECRET: "e".repeat(12) + "f".repeat(20),
}

function baseEnv(extra: Record<string, string>) {
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME || "/tmp",
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...extra,
  }
  return env
}

function redisReachable(url: string) {
  const u = new URL(url)
  return new Promise<boolean>((resolve) => {
    const s = net.connect(Number(u.port || 6379), u.hostname)
    s.setTimeout(1000)
    s.once("connect", () => {
      s.end()
      resolve(true)
    })
    s.once("error", () => resolve(false))
    s.once("timeout", () => {
      s.destroy()
      resolve(false)
    })
  })
}

async function admin<T>(fn: (c: Client) => Promise<T>) {
  const c = new Client({ ...DB, database: "postgres" })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

describe("production start-up", () => {
  it("refuses NODE_ENV=production without JWT_SECRET and COOKIE_SECRET, naming both", () => {
    const r = spawnSync(MEDUSA, ["start"], {
      cwd: BACKEND,
      env: baseEnv({ NODE_ENV: "production", DATABASE_URL: dbUrl }),
      encoding: "utf8",
      timeout: 120000,
    })
    const out = `${r.stdout}${r.stderr}`
    expect(r.status).not.toBe(0)
    expect(out).toContain("Refusing to start with NODE_ENV=production")
    expect(out).toMatch(/JWT_SECRET and COOKIE_SECRET are missing or weak/)
  })

  it("refuses the well-known 'supersecret' even when it is set", () => {
    const r = spawnSync(MEDUSA, ["start"], {
      cwd: BACKEND,
      env: baseEnv({
        NODE_ENV: "production",
        DATABASE_URL: dbUrl,
        JWT_SECRET: "supersecret",
        COOKIE_SECRET: strongSecrets.COOKIE_SECRET,
      }),
      encoding: "utf8",
      timeout: 120000,
    })
    expect(r.status).not.toBe(0)
    expect(`${r.stdout}${r.stderr}`).toMatch(/JWT_SECRET is missing or weak/)
  })

  it("refuses NODE_ENV=staging with the public dev secret (an admin JWT could be forged with it)", () => {
    const r = spawnSync(MEDUSA, ["start"], {
      cwd: BACKEND,
      env: baseEnv({
        NODE_ENV: "staging",
        DATABASE_URL: dbUrl,
        JWT_SECRET: "curatorai-dev-only-secret",
        COOKIE_SECRET: strongSecrets.COOKIE_SECRET,
        CURATOR_FORWARD_SECRET: strongSecrets.CURATOR_FORWARD_SECRET,
      }),
      encoding: "utf8",
      timeout: 120000,
    })
    expect(r.status).not.toBe(0)
    expect(`${r.stdout}${r.stderr}`).toMatch(
      /Refusing to start with NODE_ENV=staging: JWT_SECRET is missing or weak/
    )
  })

  it("refuses NODE_ENV=production without CURATOR_FORWARD_SECRET", () => {
    const { CURATOR_FORWARD_SECRET: _, ...rest } = strongSecrets
    const r = spawnSync(MEDUSA, ["start"], {
      cwd: BACKEND,
      env: baseEnv({ NODE_ENV: "production", DATABASE_URL: dbUrl, ...rest }),
      encoding: "utf8",
      timeout: 120000,
    })
    expect(r.status).not.toBe(0)
    expect(`${r.stdout}${r.stderr}`).toMatch(
      /CURATOR_FORWARD_SECRET is missing or weak/
    )
  })

  describe("with Postgres at DATABASE_URL and Redis at REDIS_URL", () => {
    let redisUp = false
    beforeAll(async () => {
      redisUp = await redisReachable(REDIS_URL)
      if (!redisUp && process.env.CI)
        throw new Error(
          `CI needs Redis at ${REDIS_URL} for the production-config test`
        )
      await admin((c) =>
        c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
      )
      await admin((c) => c.query(`CREATE DATABASE "${dbName}"`))
    })
    afterAll(async () => {
      await admin((c) =>
        c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
      ).catch(() => {})
    })

    it("migrates, boots on the Redis modules and serves the store API", async () => {
      if (!redisUp) {
        console.warn(
          `SKIPPED: no Redis at ${REDIS_URL} (set TEST_REDIS_URL); CI always runs this test`
        )
        return
      }
      const migrate = spawnSync(MEDUSA, ["db:migrate"], {
        cwd: BACKEND,
        env: baseEnv({ DATABASE_URL: dbUrl }),
        encoding: "utf8",
        timeout: 180000,
      })
      expect(migrate.status).toBe(0)

      const port = 9300 + (process.pid % 500)
      const child = spawn(MEDUSA, ["start"], {
        cwd: BACKEND,
        env: baseEnv({
          NODE_ENV: "production",
          DATABASE_URL: dbUrl,
          REDIS_URL,
          PORT: String(port),
          DISABLE_MEDUSA_ADMIN: "true",
          ...strongSecrets,
        }),
        detached: true,
      })
      let log = ""
      child.stdout.on("data", (d) => (log += d))
      child.stderr.on("data", (d) => (log += d))
      try {
        let health = 0
        for (let i = 0; i < 120 && child.exitCode === null; i++) {
          health = await fetch(`http://localhost:${port}/health`).then(
            (r) => r.status,
            () => 0
          )
          if (health === 200) break
          await new Promise((r) => setTimeout(r, 500))
        }
        expect(health).toBe(200)
        // Every production module really connected to Redis
        for (const m of [
          "event-bus-redis",
          "cache-redis",
          "workflow-engine-redis",
          "locking-redis",
        ]) {
          expect(log).toContain(m)
        }
        expect(log).toMatch(
          /Connection to Redis in module 'event-bus-redis' established/
        )
        // instrumentation.ts: headers on what Medusa serves before any API middleware
        const probe = await fetch(`http://localhost:${port}/health`)
        expect(probe.headers.get("x-powered-by")).toBeNull()
        expect(probe.headers.get("strict-transport-security")).toMatch(
          /max-age=/
        )
        const planted = path.join(
          BACKEND,
          "static",
          `curator-test-${process.pid}.html`
        )
        fs.mkdirSync(path.dirname(planted), { recursive: true })
        fs.writeFileSync(
          planted,
          "<html><script>alert(document.cookie)</script></html>"
        )
        try {
          const file = await fetch(
            `http://localhost:${port}/static/${path.basename(planted)}`
          )
          expect(file.status).toBe(200)
          expect(file.headers.get("content-disposition")).toBe("attachment")
          expect(file.headers.get("content-security-policy")).toBe(
            "default-src 'none'; img-src 'self'; sandbox"
          )
          expect(file.headers.get("x-content-type-options")).toBe("nosniff")
          expect(file.headers.get("x-powered-by")).toBeNull()
        } finally {
          fs.rmSync(planted, { force: true })
        }
        const store = await fetch(`http://localhost:${port}/store/regions`)
        expect(store.status).toBe(400) // the store API is up and asks for a publishable key
        expect((await store.json()).message).toMatch(/publishable/i)
      } finally {
        try {
          process.kill(-child.pid!, "SIGTERM")
        } catch {}
        await new Promise((r) => setTimeout(r, 1000))
        try {
          process.kill(-child.pid!, "SIGKILL")
        } catch {}
      }
    })
  })
})
