import path from "path"
import { Worker } from "worker_threads"

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
  if (e instanceof Error || (e && typeof (e as any).message === "string"))
    return (e as any).message
  try {
    return typeof e === "string" ? e : (JSON.stringify(e) ?? String(e))
  } catch {
    return Object.prototype.toString.call(e)
  }
}

/**
 * The main side of a worker started on first use that answers jobs by id
 * (`{ id, … }` in, `{ id, … }` out). If it cannot start or dies, `ask`
 * answers null — for the jobs still owed and for every later one — and the
 * reason is logged once with `consequence` (what the caller does instead).
 * While no job is owed the worker does not keep the process alive.
 */
export class WorkerClient<Job, Reply extends { id: number }> {
  private worker?: Worker
  /** why the worker no longer runs (undefined while it does or has not started) */
  dead?: string
  private next = 1
  private readonly pending = new Map<number, (m: Reply | null) => void>()

  constructor(
    private readonly file: string,
    private readonly data: Record<string, unknown>,
    private readonly name: string,
    private readonly consequence: string,
    private readonly warn: (msg: string) => void
  ) {}

  /** Whether the worker has been started and still runs. */
  get running(): boolean {
    return !!this.worker && !this.dead
  }

  /** Sends a job that wants no answer (starting the worker if needed); false when it cannot run. */
  post(job: Job): boolean {
    const worker = this.start()
    worker?.postMessage(job)
    return !!worker
  }

  /** Sends a job made with its id and waits for the reply with that id; null when the worker cannot run. */
  ask(job: (id: number) => Job): Promise<Reply | null> {
    const worker = this.start()
    if (!worker) return Promise.resolve(null)
    const id = this.next++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      worker.ref()
      worker.postMessage(job(id))
    })
  }

  private start(): Worker | undefined {
    if (this.dead) return undefined
    if (this.worker) return this.worker
    try {
      const w = new Worker(workerBoot(this.file), {
        eval: true,
        workerData: this.data,
      })
      w.on("message", (m: Reply) => {
        const resolve = this.pending.get(m.id)
        if (!resolve) return
        this.pending.delete(m.id)
        if (!this.pending.size) w.unref()
        resolve(m)
      })
      w.on("error", (e) =>
        this.fail(`${this.name} crashed: ${workerErrorText(e)}`)
      )
      w.on("exit", (code) => this.fail(`${this.name} exited (code ${code})`))
      w.unref()
      return (this.worker = w)
    } catch (e) {
      this.fail(`${this.name} could not start: ${workerErrorText(e)}`)
      return undefined
    }
  }

  private fail(reason: string) {
    if (this.dead) return
    this.dead = reason
    this.warn(`${reason}; ${this.consequence}`)
    this.settle()
  }

  private settle() {
    const owed = [...this.pending.values()]
    this.pending.clear()
    for (const resolve of owed) resolve(null)
  }

  async close() {
    this.dead ??= "closed"
    this.settle()
    await this.worker?.terminate()
  }
}
