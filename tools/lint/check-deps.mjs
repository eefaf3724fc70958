#!/usr/bin/env node
// Fails when a workspace's source imports a package its own package.json does
// not declare (it would only resolve because npm hoisted someone else's copy).
// Part of `npm run lint`.
import fs from "node:fs"
import path from "node:path"
import { builtinModules } from "node:module"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  ".."
)
/** workspace → the folders and files whose imports it must declare */
const WORKSPACES = {
  ".": ["scripts"],
  backend: [
    "src",
    "integration-tests",
    "test-fixtures",
    "medusa-config.ts",
    "jest.config.js",
  ],
  storefront: ["app", "e2e", "vite.config.ts"],
  tools: [
    "bench",
    "catalog",
    "clip",
    "lib",
    "lint",
    "visual-search",
    "jest.config.js",
  ],
}
const SKIP_DIRS = new Set([
  "node_modules",
  ".medusa",
  "build",
  ".cache",
  "results",
])
const IMPORT =
  /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\(\s*|^\s*import\s+)["']([^"'./~#$][^"']*)["']/gm

function packageOf(spec) {
  const parts = spec.split("/")
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]
}

function* sourceFiles(p) {
  if (!fs.existsSync(p)) return
  if (fs.statSync(p).isDirectory()) {
    if (SKIP_DIRS.has(path.basename(p))) return
    for (const f of fs.readdirSync(p)) yield* sourceFiles(path.join(p, f))
  } else if (/\.(?:[cm]?[jt]sx?)$/.test(p)) yield p
}

let missing = 0
for (const [ws, roots] of Object.entries(WORKSPACES)) {
  const dir = path.join(ROOT, ws)
  const pkg = JSON.parse(
    fs.readFileSync(path.join(dir, "package.json"), "utf8")
  )
  const declared = new Set([
    pkg.name,
    ...Object.keys({
      ...pkg.dependencies,
      ...pkg.devDependencies,
      ...pkg.peerDependencies,
    }),
  ])
  const undeclared = new Map()
  for (const root of roots)
    for (const file of sourceFiles(path.join(dir, root)))
      for (const [, spec] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
        if (
          spec.startsWith("node:") ||
          builtinModules.includes(spec.split("/")[0])
        )
          continue
        const name = packageOf(spec)
        if (declared.has(name)) continue
        if (!undeclared.has(name)) undeclared.set(name, [])
        undeclared.get(name).push(path.relative(ROOT, file))
      }
  for (const [name, files] of undeclared) {
    missing++
    console.error(
      `${path.join(ws, "package.json")}: "${name}" is imported but not declared (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""})`
    )
  }
}
if (missing) process.exit(1)
console.log(
  `dependencies: every imported package is declared (${Object.keys(WORKSPACES).join(", ")})`
)
