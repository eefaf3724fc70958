#!/usr/bin/env node
// Runs the storefront journeys with Node's test runner: node e2e/run.mjs
// Env: STOREFRONT_URL (default http://localhost:8000), MEDUSA_BACKEND_URL, CHROMIUM_PATH,
// E2E_ONLY (comma-separated parts of spec file names, e.g. "social": run only those journeys).
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const specs = readdirSync(path.join(here, "specs"))
  .filter((f) => f.endsWith(".spec.mjs"))
  .filter(
    (f) =>
      !process.env.E2E_ONLY ||
      process.env.E2E_ONLY.split(",").some((part) => f.includes(part.trim()))
  )
  .sort()
  .map((f) => path.join(here, "specs", f))

const result = spawnSync(
  process.execPath,
  [
    "--test",
    "--test-concurrency=1",
    "--test-timeout=180000",
    "--test-reporter=spec",
    ...specs,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit" }
)
process.exit(result.status ?? 1)
