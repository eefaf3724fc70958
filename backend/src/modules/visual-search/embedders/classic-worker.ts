import { isMainThread, parentPort, Worker, workerData } from "worker_threads"
import type { ImageEmbedder } from "./types"
import { ClassicEmbedder } from "./classic"
import { workerBoot, workerErrorText } from "../../../lib/worker-boot"

/**
 * The classic embedder on its own thread. Its descriptor (background
 * separation, colour, HOG, LBP… over the pixels) is JavaScript, ~10–20 ms of
 * a core per photo; on the main thread that is time no other request gets,
 * and with several searches at once the main thread was the one core busy
 * while the other idled. Here the main thread only hands the bytes over.
 *
 * The worker runs the same ClassicEmbedder on the same bytes, so its vectors
 * are the very ones the main thread would make (same id). If it cannot start
 * or dies, embedding goes on in the main thread, and the log says so once.
 */

type Job = { id: number; images: Uint8Array[] }
type Reply = { id: number; vectors?: Float32Array[]; error?: string }

if (!isMainThread && workerData?.classicEmbedderWorker) {
  const embedder = new ClassicEmbedder()
  parentPort!.on("message", async (job: Job) => {
    try {
      const vectors = await embedder.embedImages(job.images.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)))
      parentPort!.postMessage({ id: job.id, vectors } satisfies Reply, vectors.map((v) => v.buffer as ArrayBuffer))
    } catch (e: any) {
      parentPort!.postMessage({ id: job.id, error: String(e?.message ?? e) } satisfies Reply)
    }
  })
}

type Warn = (msg: string) => void

export class ClassicWorkerEmbedder implements ImageEmbedder {
  readonly id: string
  readonly dimensions: number
  readonly kind?: [number, number]
  private worker?: Worker
  private dead?: string
  private next = 1
  private readonly pending = new Map<number, { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void; images: Buffer[] }>()

  constructor(private readonly warn: Warn, private readonly inline = new ClassicEmbedder()) {
    this.id = inline.id
    this.dimensions = inline.dimensions
    this.kind = inline.kind
  }

  /** How it runs now: "worker thread", or why it runs in the main thread. */
  get runs(): string {
    return this.dead ? `main thread (${this.dead})` : "worker thread"
  }

  async embedImages(images: Buffer[]): Promise<Float32Array[]> {
    const worker = this.start()
    if (!worker) return this.inline.embedImages(images)
    const id = this.next++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, images })
      worker.ref()
      // copies: the caller keeps its buffers (a Buffer may be a slice of a shared pool)
      worker.postMessage({ id, images: images.map((b) => new Uint8Array(b)) } satisfies Job)
    })
  }

  private start(): Worker | undefined {
    if (this.dead) return undefined
    if (this.worker) return this.worker
    try {
      const w = new Worker(workerBoot(__filename), { eval: true, workerData: { classicEmbedderWorker: true } })
      w.on("message", (m: Reply) => {
        const job = this.pending.get(m.id)
        if (!job) return
        this.pending.delete(m.id)
        if (!this.pending.size) w.unref()
        if (m.error !== undefined) job.reject(new Error(m.error))
        // rebuilt with this realm's Float32Array: under Jest's VM context a transferred one fails `instanceof` checks (usearch's)
        else job.resolve(m.vectors!.map((v) => new Float32Array(v)))
      })
      w.on("error", (e) => this.fail(`classic embedder worker crashed: ${workerErrorText(e)}`))
      w.on("exit", (code) => this.fail(`classic embedder worker exited (code ${code})`))
      w.unref()
      return (this.worker = w)
    } catch (e: any) {
      this.fail(`classic embedder worker could not start: ${workerErrorText(e)}`)
      return undefined
    }
  }

  /** The worker is gone: say so once, and embed what it still owed in the main thread. */
  private fail(reason: string) {
    if (this.dead) return
    this.dead = reason
    this.warn(`[visual-search] ${reason}; ${this.id} now embeds in the main thread`)
    const owed = [...this.pending.values()]
    this.pending.clear()
    for (const job of owed) this.inline.embedImages(job.images).then(job.resolve, job.reject)
  }

  async close() {
    this.dead ??= "closed"
    const owed = [...this.pending.values()]
    this.pending.clear()
    for (const job of owed) job.reject(new Error("classic embedder closed"))
    await this.worker?.terminate()
  }
}
