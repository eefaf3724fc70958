import path from "path"

/**
 * Source for `new Worker(source, { eval: true })` that loads `file` (a module's
 * `__filename`) in the worker. Compiled output (`medusa build`) is plain
 * JavaScript; from the sources (medusa develop, jest, the bench and eval
 * scripts) the worker compiles TypeScript with ts-node, as the main thread does,
 * with the tsconfig.json nearest to `file` — not the one nearest to the process's
 * working directory, which a script run from the repository root does not have
 * (and without which `import x from "./params.json"` does not load).
 */
export function workerBoot(file: string): string {
  if (!file.endsWith(".ts")) return `require(${JSON.stringify(file)})`
  const tsNode = require.resolve("ts-node", { paths: [path.dirname(file)] })
  return `require(${JSON.stringify(tsNode)}).register({ transpileOnly: true, projectSearchDir: ${JSON.stringify(path.dirname(file))} }); require(${JSON.stringify(file)})`
}

/** A worker's "error" event as text, whatever was thrown (an Error, a string, an object without a prototype). */
export function workerErrorText(e: unknown): string {
  if (e instanceof Error || (e && typeof (e as any).message === "string")) return (e as any).message
  try { return typeof e === "string" ? e : JSON.stringify(e) ?? String(e) } catch { return Object.prototype.toString.call(e) }
}
