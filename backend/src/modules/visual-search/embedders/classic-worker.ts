import { isMainThread, parentPort, workerData } from "worker_threads"
import type { ImageEmbedder } from "./types"
import { ClassicEmbedder, type PhotoHalf } from "./classic"
import { openCv } from "./grabcut"
import { WorkerClient } from "../workers/worker-client"

/**
 * The classic embedder on its own thread. Its descriptor (background
 * separation, colour, HOG, LBP… over the pixels) is JavaScript, ~10–20 ms of
 * a core per photo; on the main thread that is time no other request gets,
 * and with several searches at once the main thread was the one core busy
 * while the other idled. Here the main thread only hands the bytes over.
 *
 * A shopper's photo is embedded in two halves on two such threads at once
 * (the GrabCut cut-out on one, the central views on the other), so a search
 * waits for the longer half, not for both.
 *
 * The worker runs the same ClassicEmbedder on the same bytes, so its vectors
 * are the very ones the main thread would make (same id). If it cannot start
 * or dies, embedding goes on in the main thread, and the log says so once.
 */

/** `half`: that half of a shopper's photo (ClassicEmbedder.photoHalf), else catalogue images (embedImages) */
type Job = { id: number; images: Uint8Array[]; half?: "core" | "views" }
type Reply = {
  id: number
  vectors?: Float32Array[]
  halves?: PhotoHalf[]
  error?: string
}

if (!isMainThread && workerData?.classicEmbedderWorker) {
  const embedder = new ClassicEmbedder()
  // OpenCV (the photo path's cut-out) loads once the thread is up, not in the first search; a failure
  // to load shows when a photo needs it
  if (workerData.classicEmbedderWorker !== "views") openCv().catch(() => {})
  parentPort!.on("message", async (job: Job) => {
    try {
      const images = job.images.map((b) =>
        Buffer.from(b.buffer, b.byteOffset, b.byteLength)
      )
      if (job.half) {
        const halves: PhotoHalf[] = []
        for (const img of images)
          halves.push(await embedder.photoHalf(img, job.half))
        parentPort!.postMessage({ id: job.id, halves } satisfies Reply)
        return
      }
      const vectors = await embedder.embedImages(images)
      parentPort!.postMessage(
        { id: job.id, vectors } satisfies Reply,
        vectors.map((v) => v.buffer as ArrayBuffer)
      )
    } catch (e: any) {
      parentPort!.postMessage({
        id: job.id,
        error: String(e?.message ?? e),
      } satisfies Reply)
    }
  })
}

type Warn = (msg: string) => void

export class ClassicWorkerEmbedder implements ImageEmbedder {
  readonly id: string
  readonly dimensions: number
  readonly kind?: [number, number]
  readonly typeNaming?: [number, number]
  private readonly worker: WorkerClient<Job, Reply>
  /** a shopper's photo's central views and their network pass, beside the cut-out on `worker` */
  private readonly views: WorkerClient<Job, Reply>

  constructor(
    warn: Warn,
    private readonly inline = new ClassicEmbedder()
  ) {
    this.id = inline.id
    this.dimensions = inline.dimensions
    this.kind = inline.kind
    this.typeNaming = inline.typeNaming
    this.worker = new WorkerClient(
      __filename,
      { classicEmbedderWorker: true },
      "classic embedder worker",
      `${this.id} now embeds in the main thread`,
      (m) => warn(`[visual-search] ${m}`)
    )
    this.views = new WorkerClient(
      __filename,
      { classicEmbedderWorker: "views" },
      "classic embedder's views worker",
      `${this.id} now makes a photo's central views in the main thread`,
      (m) => warn(`[visual-search] ${m}`)
    )
  }

  /** How it runs now: "worker thread", or why it runs in the main thread. */
  get runs(): string {
    const dead = this.worker.dead ?? this.views.dead
    return dead ? `main thread (${dead})` : "worker thread"
  }

  async embedImages(images: Buffer[]): Promise<Float32Array[]> {
    // copies: the caller keeps its buffers (a Buffer may be a slice of a shared pool)
    const m = await this.worker.ask((id) => ({
      id,
      images: images.map((b) => new Uint8Array(b)),
    }))
    // no worker (it could not start, or died owing this job): the same embedder, here
    if (!m) return this.inline.embedImages(images)
    if (m.error !== undefined) throw new Error(m.error)
    // rebuilt with this realm's Float32Array: under Jest's VM context a transferred one fails `instanceof` checks (usearch's)
    return m.vectors!.map((v) => new Float32Array(v))
  }

  /**
   * A shopper's photo in two halves on two threads at once (ClassicEmbedder.photoHalf):
   * the cut-out (GrabCut, most of the work) on one, the central views on the other.
   * One search's embedding then takes about the longer half instead of both.
   */
  embedPhotos(images: Buffer[]): Promise<Float32Array[]> {
    return Promise.all(
      images.map(async (img) => {
        const [core, rest] = await Promise.all([
          this.half(this.worker, img, "core"),
          this.half(this.views, img, "views"),
        ])
        return this.inline.combinePhoto(core, rest)
      })
    )
  }

  private async half(
    worker: WorkerClient<Job, Reply>,
    img: Buffer,
    half: "core" | "views"
  ): Promise<PhotoHalf> {
    const m = await worker.ask((id) => ({
      id,
      images: [new Uint8Array(img)],
      half,
    }))
    if (!m) return this.inline.photoHalf(img, half)
    if (m.error !== undefined) throw new Error(m.error)
    const h = m.halves![0]
    const re = (v: Float32Array) => new Float32Array(v)
    return {
      views: h.views.map(re),
      cut: h.cut && re(h.cut),
      net: h.net.map(re),
    }
  }

  async close() {
    await Promise.all([this.worker.close(), this.views.close()])
  }
}
