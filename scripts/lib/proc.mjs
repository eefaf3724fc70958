// Child processes with prefixed output, and a clean shutdown of all of them.
import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.dirname(
  path.dirname(path.dirname(fileURLToPath(import.meta.url)))
)
export const BACKEND = path.join(ROOT, "backend")
export const STOREFRONT = path.join(ROOT, "storefront")
export const BIN = path.join(ROOT, "node_modules", ".bin")

const started = Date.now()
export function step(msg) {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(5)
  console.log(`\x1b[36m[curatorai ${s}s]\x1b[0m ${msg}`)
}

function pipe(stream, prefix, filter) {
  let buf = ""
  stream.on("data", (chunk) => {
    buf += chunk
    const lines = buf.split("\n")
    buf = lines.pop()
    for (const line of lines)
      if (!filter || filter(line)) process.stdout.write(`${prefix} ${line}\n`)
  })
}

/** Runs a command to completion; rejects with its tail of output when it fails. */
export function run(
  cmd,
  args,
  { cwd = ROOT, env = {}, prefix = "", quiet = false, filter } = {}
) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    const tail = []
    const keep = (c) => {
      tail.push(String(c))
      if (tail.length > 60) tail.shift()
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    if (!quiet) {
      pipe(child.stdout, prefix, filter)
      pipe(child.stderr, prefix, filter)
    }
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code === 0) resolve(tail.join(""))
      else
        reject(
          new Error(
            `${cmd} ${args.join(" ")} exited with ${code}\n${tail.join("").slice(-4000)}`
          )
        )
    })
  })
}

/** Starts a long-running service in its own process group so Ctrl-C stops its children too. */
export function service(
  cmd,
  args,
  { cwd = ROOT, env = {}, prefix = "", filter } = {}
) {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  pipe(child.stdout, prefix, filter)
  pipe(child.stderr, prefix, filter)
  child.stopGroup = (signal = "SIGTERM") => {
    try {
      process.kill(-child.pid, signal)
    } catch {}
  }
  return child
}

export async function waitForHttp(url, { timeoutMs = 180000, child } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(
        `${url}: the process serving it exited with ${child.exitCode}`
      )
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (res.status < 500) return res
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}
