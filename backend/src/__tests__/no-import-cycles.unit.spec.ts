import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

/**
 * No runtime import cycle anywhere in backend/src, checked with dpdm (type-only
 * imports are erased, so they cannot form one). The one pattern let through:
 * data models of one module referring to each other (`model.hasMany(() =>
 * Look)`), as Medusa's own modules do; the thunks make the order harmless.
 */
const SRC = path.resolve(__dirname, "..")
const BACKEND = path.resolve(SRC, "..")
const FIXTURE = path.join(__dirname, "fixtures", "import-cycle")
const DPDM = require.resolve("dpdm/lib/bin/dpdm.js")

/** Every .ts/.tsx file under `dir`, fixtures left out. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory())
      return e.name === "fixtures" || e.name === "node_modules"
        ? []
        : sources(p)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : []
  })
}

/** Runtime import cycles among `files` and what they import, as paths relative to backend/. */
function cycles(files: string[]): string[][] {
  const out = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), "dpdm-")),
    "graph.json"
  )
  execFileSync(
    process.execPath,
    [
      DPDM,
      "--no-warning",
      "--no-tree",
      "--no-progress",
      "-T",
      "--skip-dynamic-imports",
      "circular",
      "-o",
      out,
      ...files.map((f) => path.relative(BACKEND, f)),
    ],
    { cwd: BACKEND, stdio: "ignore" }
  )
  return JSON.parse(fs.readFileSync(out, "utf8")).circulars
}

const betweenModelsOfOneModule = (cycle: string[]) => {
  const dirs = new Set(cycle.map((f) => path.dirname(f)))
  return dirs.size === 1 && /^src\/modules\/[^/]+\/models$/.test([...dirs][0])
}

describe("import graph of backend/src", () => {
  it("has no import cycle (other than between one module's data models)", () => {
    const found = cycles(sources(SRC)).filter(
      (c) => !betweenModelsOfOneModule(c)
    )
    expect(found.map((c) => c.join(" → "))).toEqual([])
  }, 120_000)

  it("reports a cycle when there is one (fixture a.ts ↔ b.ts)", () => {
    const found = cycles([path.join(FIXTURE, "a.ts")])
    expect(found).toHaveLength(1)
    expect(found[0].map((f) => path.basename(f)).sort()).toEqual([
      "a.ts",
      "b.ts",
    ])
  }, 120_000)
})

describe("modules stand alone", () => {
  // eval/ is training and tuning code on its way out of the build (a tools workspace); it is not part of the module
  const appDirs = [
    "lib",
    "api",
    "workflows",
    "subscribers",
    "jobs",
    "links",
    "scripts",
    "admin",
  ].map((d) => path.join(SRC, d) + path.sep)
  it("nothing under src/modules imports app code (src/lib, src/api, src/workflows, …)", () => {
    const offenders: string[] = []
    for (const file of sources(path.join(SRC, "modules")).filter(
      (f) => !f.includes(`${path.sep}eval${path.sep}`)
    )) {
      for (const [, spec] of fs
        .readFileSync(file, "utf8")
        .matchAll(/(?:from|import|require\()\s*["'](\.{1,2}\/[^"']+)["']/g)) {
        const target = path.resolve(path.dirname(file), spec)
        if (appDirs.some((d) => (target + path.sep).startsWith(d)))
          offenders.push(`${path.relative(SRC, file)} → ${spec}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
