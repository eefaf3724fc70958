import { isMainThread, parentPort, workerData } from "worker_threads"
import type { ImageEmbedder } from "./types"
import { ClassicEmbedder } from "./classic"
import { openCv } from "./grabcut"
import { WorkerClient } from "../workers/worker-client"

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

/** `photos`: shopper's photos (embedPhotos), else catalogue images (embedImages) */
type Job = { id: number; images: Uint8Array[]; photos?: boolean }
type Reply = { id: number; vectors?: Float32Array[]; error?: string }

if (!isMainThread && workerData?.classicEmbedderWorker) {
  const embedder = new ClassicEmbedder()
  // OpenCV (the photo path's cut-out) loads once the thread is up, not in the first search; a failure
  // to load shows when a photo needs it
  openCv().catch(() => {})
  parentPort!.on("message", async (job: Job) => {
    try {
      const images = job.images.map((b) =>
        Buffer.from(b.buffer, b.byteOffset, b.byteLength)
      )
      const vectors = job.photos
        ? await embedder.embedPhotos(images)
        : await embedder.embedImages(images)
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
  }

  /** How it runs now: "worker thread", or why it runs in the main thread. */
  get runs(): string {
    return this.worker.dead
      ? `main thread (${this.worker.dead})`
      : "worker thread"
  }

  embedImages(images: Buffer[]): Promise<Float32Array[]> {
    return this.embed(images, false)
  }

  embedPhotos(images: Buffer[]): Promise<Float32Array[]> {
    return this.embed(images, true)
  }

  private async embed(
    images: Buffer[],
    photos: boolean
  ): Promise<Float32Array[]> {
    // copies: the caller keeps its buffers (a Buffer may be a slice of a shared pool)
    const m = await this.worker.ask((id) => ({
      id,
      images: images.map((b) => new Uint8Array(b)),
      photos,
    }))
    // no worker (it could not start, or died owing this job): the same embedder, here
    if (!m)
      return photos
        ? this.inline.embedPhotos(images)
        : this.inline.embedImages(images)
    if (m.error !== undefined) throw new Error(m.error)
    // rebuilt with this realm's Float32Array: under Jest's VM context a transferred one fails `instanceof` checks (usearch's)
    return m.vectors!.map((v) => new Float32Array(v))
  }

  close() {
    return this.worker.close()
  }
}
