import assert from "node:assert/strict"
import { spawn } from "node:child_process"
import { createHmac } from "node:crypto"
import http from "node:http"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { after, before, test } from "node:test"

// A second instance of the built storefront (server.mjs), pointed at a stand-in
// backend that records what the storefront's server sends it: every backend
// call made while serving a shopper must carry that shopper's address, signed.
const STOREFRONT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  ".."
)
const SECRET = "forwarding-test-secret-0123456789"
const seen = []
let backend, storefront, port

const listen = (server) =>
  new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(server.address().port))
  )

before(async () => {
  backend = http.createServer((req, res) => {
    seen.push({
      url: req.url,
      ip: req.headers["x-curator-client-ip"],
      sig: req.headers["x-curator-client-sig"],
    })
    res.writeHead(404, { "content-type": "application/json" })
    res.end(JSON.stringify({ type: "not_found", message: "stand-in backend" }))
  })
  const backendPort = await listen(backend)
  const probe = http.createServer()
  port = await listen(probe) // a free port for the storefront
  await new Promise((r) => probe.close(r))
  storefront = spawn(
    process.execPath,
    ["server.mjs", "./build/server/index.js"],
    {
      cwd: STOREFRONT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        MEDUSA_BACKEND_URL: `http://127.0.0.1:${backendPort}`,
        MEDUSA_PUBLISHABLE_KEY: "pk_test",
        SESSION_SECRET: "s".repeat(32),
        CURATOR_FORWARD_SECRET: SECRET,
        TRUSTED_PROXIES: "127.0.0.1,::1",
        COOKIE_SECURE: "false",
      },
      stdio: "ignore",
      detached: true,
    }
  )
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false
      )
    )
      return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error("the storefront did not start")
})

after(() => {
  try {
    process.kill(-storefront.pid, "SIGTERM")
  } catch {}
  backend?.close()
})

const valid = (ip, sig) => {
  const m = Math.floor(Date.now() / 60000)
  return [m, m - 1].some(
    (minute) =>
      createHmac("sha256", SECRET).update(`${ip}|${minute}`).digest("hex") ===
      sig
  )
}

test("the storefront forwards each shopper's own address to the backend, signed, so shoppers get separate rate-limit buckets", async () => {
  for (const shopper of ["198.51.100.7", "198.51.100.8"]) {
    seen.length = 0
    // the storefront's trusted proxy (127.0.0.1) says who the shopper is; a spoofed hop on the left is ignored
    await fetch(`http://127.0.0.1:${port}/lookbooks`, {
      headers: { "x-forwarded-for": `6.6.6.6, ${shopper}` },
    })
    assert.ok(seen.length > 0, "serving the page called the backend")
    for (const call of seen) {
      assert.equal(
        call.ip,
        shopper,
        `${call.url} carried the shopper's address`
      )
      assert.ok(
        valid(call.ip, call.sig),
        `${call.url} carried a valid signature`
      )
    }
  }
})

test("every page carries a per-request CSP nonce that each of its inline scripts uses, and the other security headers", async () => {
  const pages = await Promise.all(
    [1, 2].map(() => fetch(`http://127.0.0.1:${port}/lookbooks`))
  )
  const nonces = []
  for (const res of pages) {
    const csp = res.headers.get("content-security-policy") ?? ""
    const nonce = csp.match(/script-src 'self' 'nonce-([^']+)'/)?.[1]
    assert.ok(nonce, `a script nonce in the CSP: ${csp}`)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.match(csp, /form-action 'self'/)
    nonces.push(nonce)
    const html = await res.text()
    const scripts = html.match(/<script\b[^>]*>/g) ?? []
    assert.ok(scripts.length > 0)
    for (const tag of scripts)
      assert.ok(
        tag.includes(`nonce="${nonce}"`),
        `script tag carries the nonce: ${tag.slice(0, 120)}`
      )
    assert.equal(res.headers.get("x-frame-options"), "DENY")
    assert.equal(res.headers.get("x-content-type-options"), "nosniff")
    assert.equal(
      res.headers.get("referrer-policy"),
      "strict-origin-when-cross-origin"
    )
    assert.equal(res.headers.get("x-powered-by"), null)
  }
  assert.notEqual(nonces[0], nonces[1], "a fresh nonce per request")
})

test("a storefront with NODE_ENV=staging refuses the dev session secret and answers every page with the configuration error", async () => {
  const probe = http.createServer()
  const p = await listen(probe)
  await new Promise((r) => probe.close(r))
  const child = spawn(
    process.execPath,
    ["server.mjs", "./build/server/index.js"],
    {
      cwd: STOREFRONT,
      env: {
        ...process.env,
        PORT: String(p),
        HOST: "127.0.0.1",
        NODE_ENV: "staging",
        MEDUSA_BACKEND_URL: "http://127.0.0.1:9",
        MEDUSA_PUBLISHABLE_KEY: "pk_test",
        SESSION_SECRET: "curatorai-dev-session-secret-not-for-production",
        CURATOR_FORWARD_SECRET: SECRET,
      },
      stdio: "ignore",
      detached: true,
    }
  )
  try {
    let res
    for (let i = 0; i < 100 && !res; i++) {
      res = await fetch(`http://127.0.0.1:${p}/`).catch(() => undefined)
      if (!res) await new Promise((r) => setTimeout(r, 200))
    }
    assert.equal(res?.status, 500)
    assert.match(
      await res.text(),
      /SESSION_SECRET must be a random value of at least 16 characters with NODE_ENV=staging/
    )
  } finally {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
  }
})
