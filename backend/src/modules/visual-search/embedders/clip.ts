import fs from "fs"
import path from "path"
import { Worker } from "worker_threads"
import type { ImageEmbedder } from "./types"
import { l2normalize } from "./types"
import { CLIP_WORKER_SOURCE } from "./clip-worker"
import { PhotoCutOutWorker } from "./photo-cutout"

export const DEFAULT_CLIP_MODEL = "Xenova/clip-vit-base-patch32"
export const DEFAULT_CLIP_DTYPE = "q8"
export const DEFAULT_CLIP_BATCH_SIZE = 16
/** CLIP ViT-B/32's input side: cut-outs are made at it, so the processor does not upscale them. */
const CLIP_SIDE = 224

/** transformers.js file-name suffix per dtype (DEFAULT_DTYPE_SUFFIX_MAPPING in @huggingface/transformers). */
const DTYPE_SUFFIX: Record<string, string> = {
  fp32: "",
  fp16: "_fp16",
  q8: "_quantized",
  int8: "_int8",
  uint8: "_uint8",
  q4: "_q4",
  q4f16: "_q4f16",
  bnb4: "_bnb4",
}

/** Files a local CLIP folder must hold for the given dtype (paths relative to the folder). */
export function requiredClipFiles(dtype: string): string[] {
  const suffix = DTYPE_SUFFIX[dtype]
  if (suffix === undefined) {
    throw new Error(
      `Unknown CLIP dtype "${dtype}"; expected one of ${Object.keys(DTYPE_SUFFIX).join(", ")}`
    )
  }
  return [
    "config.json",
    "preprocessor_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    `onnx/vision_model${suffix}.onnx`,
    `onnx/text_model${suffix}.onnx`,
  ]
}

export type ClipLoadOptions = {
  /** Hub model id; also names the vector space in `id`. Default Xenova/clip-vit-base-patch32. */
  model?: string
  /** Local folder with config, tokenizer, preprocessor and onnx/ weights. Remote downloads are then disabled. */
  modelDir?: string
  /** "q8" (default, onnx/*_quantized.onnx) or "fp32" (onnx/*.onnx), or any other transformers.js dtype. */
  dtype?: "q8" | "fp32" | string
  /** Images per inference call when indexing. Default 16. */
  batchSize?: number
  /** onnxruntime intra-op threads in the worker (default: onnxruntime's choice). */
  threads?: number
  /** Download cache for hub models (only used without modelDir). */
  cacheDir?: string
  /**
   * Shoppers' photos (embedPhotos) embedded as the mean of the photo and the
   * product GrabCut cuts out of it on white (photo-cutout.ts). Off by default:
   * not measured with real CLIP weights (none can be fetched where this was
   * built); measure with `npm run eval:visual -- --embedder clip` on and off.
   */
  photoCutOut?: boolean
  logger?: { info(m: string): void; warn?(m: string): void }
}

export type ClipWorkerInfo = {
  transformersVersion: string
  allowRemoteModels: boolean
  localFilesOnly: boolean
  projectionDim: number | null
  visionInputs: string[]
  visionOutputs: string[]
  textInputs: string[]
  textOutputs: string[]
}

type Pending = {
  resolve: (v: { dims: number[]; data: Float32Array }) => void
  reject: (e: Error) => void
}

/**
 * CLIP image/text embedder. Inference runs in a worker thread (see
 * clip-worker.ts); this class only queues requests, splits image lists into
 * batches and turns the worker's replies into L2-normalised Float32Arrays.
 * Create it with loadClipEmbedder().
 */
export class ClipEmbedder implements ImageEmbedder {
  private nextId = 1
  private pending = new Map<number, Pending>()
  private dead: Error | null = null

  constructor(
    private readonly worker: Worker,
    readonly id: string,
    readonly dimensions: number,
    readonly batchSize: number,
    /** What the worker reported after loading (remote access, session input/output names…). */
    readonly info: ClipWorkerInfo,
    /** see ClipLoadOptions.photoCutOut (null: off) */
    private readonly cutter: PhotoCutOutWorker | null = null
  ) {
    worker.on("message", (m: any) => {
      const p = this.pending.get(m?.id)
      if (!p) return
      this.pending.delete(m.id)
      this.updateRef()
      if (m.ok) p.resolve({ dims: m.dims, data: m.data })
      else {
        const err = new Error(
          `CLIP inference failed: ${m.message}`
        ) as Error & { index?: number }
        if (typeof m.index === "number") err.index = m.index
        p.reject(err)
      }
    })
    worker.on("error", (e) =>
      this.fail(new Error(`CLIP worker crashed: ${e?.message ?? e}`))
    )
    worker.on("exit", (code) =>
      this.fail(new Error(`CLIP worker exited (code ${code})`))
    )
    this.updateRef()
  }

  async embedImages(images: Buffer[]): Promise<Float32Array[]> {
    const out: Float32Array[] = []
    for (let start = 0; start < images.length; start += this.batchSize) {
      const batch = images.slice(start, start + this.batchSize)
      let r: { dims: number[]; data: Float32Array }
      try {
        // Structured clone copies a view's whole backing ArrayBuffer (pooled Buffers share
        // one), so send compact copies unless the Buffer already owns its memory.
        const images = batch.map((b) =>
          b.byteOffset === 0 && b.byteLength === b.buffer.byteLength
            ? new Uint8Array(b.buffer)
            : new Uint8Array(b)
        )
        r = await this.request({ op: "images", images })
      } catch (e: any) {
        if (typeof e?.index === "number") {
          e.index += start
          e.message = e.message.replace(
            /image #\d+ of the batch/,
            `image #${e.index}`
          )
        }
        throw e
      }
      out.push(...this.split(r, batch.length))
    }
    return out
  }

  /**
   * A shopper's photos: embedImages, or with photoCutOut the mean of each
   * photo's embedding and its cut-out's (the photo alone when the cut keeps
   * nothing), in the same space as the catalogue's vectors.
   */
  async embedPhotos(images: Buffer[]): Promise<Float32Array[]> {
    const cutter = this.cutter
    if (!cutter) return this.embedImages(images)
    const cuts = await Promise.all(images.map((b) => cutter.cut(b, CLIP_SIDE)))
    const kept = cuts.filter((c): c is Buffer => !!c)
    const all = await this.embedImages([...images, ...kept])
    let k = images.length
    return images.map((_, i) => {
      if (!cuts[i]) return all[i]
      const c = all[k++]
      return l2normalize(all[i].map((v, j) => v + c[j]))
    })
  }

  async embedText(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = []
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize)
      out.push(
        ...this.split(
          await this.request({ op: "text", texts: batch }),
          batch.length
        )
      )
    }
    return out
  }

  async close(): Promise<void> {
    if (!this.dead) this.fail(new Error("CLIP embedder closed"))
    await Promise.all([this.worker.terminate(), this.cutter?.close()])
  }

  private split(
    r: { dims: number[]; data: Float32Array },
    n: number
  ): Float32Array[] {
    const [rows, d] = r.dims
    if (rows !== n || d !== this.dimensions) {
      throw new Error(
        `CLIP worker returned [${r.dims}] for ${n} inputs of ${this.dimensions} dimensions`
      )
    }
    // Copies into arrays of this realm (a message's typed arrays belong to the main
    // Node realm, which differs under Jest's vm sandbox), each owning a compact buffer.
    return Array.from({ length: n }, (_, i) => {
      const v = new Float32Array(d)
      v.set(r.data.subarray(i * d, (i + 1) * d))
      return v
    })
  }

  private request(
    msg: Record<string, unknown>
  ): Promise<{ dims: number[]; data: Float32Array }> {
    if (this.dead) return Promise.reject(this.dead)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.updateRef()
      this.worker.postMessage({ ...msg, id })
    })
  }

  private fail(err: Error) {
    if (this.dead) return
    this.dead = err
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
  }

  /** An idle worker must not keep the process alive; a busy one must. */
  private updateRef() {
    if (this.pending.size > 0) this.worker.ref()
    else this.worker.unref()
  }
}

/** Absolute path of @huggingface/transformers, from this file's location, else from the working directory. */
function resolveTransformers(): string {
  try {
    return require.resolve("@huggingface/transformers")
  } catch {
    try {
      return require.resolve("@huggingface/transformers", {
        paths: [process.cwd()],
      })
    } catch (e: any) {
      throw new Error(
        `CLIP needs the @huggingface/transformers package, which could not be resolved: ${e?.message ?? e}`
      )
    }
  }
}

/**
 * Starts the CLIP worker and loads vision model, text model, processor and
 * tokenizer. Rejects — with the folder and the missing file named — when the
 * model cannot be loaded; it never falls back to anything itself.
 */
export async function loadClipEmbedder(
  opts: ClipLoadOptions = {}
): Promise<ClipEmbedder> {
  const model = opts.model || DEFAULT_CLIP_MODEL
  const dtype = opts.dtype || DEFAULT_CLIP_DTYPE
  const batchSize = Math.max(
    1,
    Math.floor(opts.batchSize ?? DEFAULT_CLIP_BATCH_SIZE)
  )
  const started = Date.now()

  let modelRef = model
  let modelDir: string | undefined
  if (opts.modelDir) {
    modelDir = path.resolve(opts.modelDir)
    if (!fs.existsSync(modelDir) || !fs.statSync(modelDir).isDirectory()) {
      throw new Error(`CLIP model folder "${modelDir}" does not exist`)
    }
    const missing = requiredClipFiles(dtype).filter(
      (f) => !fs.existsSync(path.join(modelDir!, f))
    )
    if (missing.length) {
      throw new Error(
        `CLIP model folder "${modelDir}" is incomplete for dtype ${dtype}: missing ${missing.join(", ")} ` +
          `(expected the ${model} files: config, preprocessor, tokenizer and onnx/ weights)`
      )
    }
    // An absolute path is not a valid hub id, so transformers.js reads the files from it directly.
    modelRef = modelDir
  } else {
    requiredClipFiles(dtype) // validates dtype early
  }

  const worker = new Worker(CLIP_WORKER_SOURCE, {
    eval: true,
    workerData: {
      transformersPath: resolveTransformers(),
      modelRef,
      dtype,
      localOnly: !!modelDir,
      cacheDir: opts.cacheDir,
      threads: opts.threads,
    },
  })

  let ready: { dimensions: number; info: ClipWorkerInfo }
  try {
    ready = await new Promise((resolve, reject) => {
      const onMessage = (m: any) => {
        if (m?.type === "ready") done(null, m)
        else if (m?.type === "init-error") done(new Error(m.message))
      }
      const onError = (e: Error) => done(e)
      const onExit = (code: number) =>
        done(new Error(`worker exited with code ${code} while loading`))
      const done = (e: Error | null, m?: any) => {
        worker.off("message", onMessage)
        worker.off("error", onError)
        worker.off("exit", onExit)
        if (e) reject(e)
        else resolve({ dimensions: m.dimensions, info: m.info })
      }
      worker.on("message", onMessage)
      worker.on("error", onError)
      worker.on("exit", onExit)
    })
  } catch (e: any) {
    await worker.terminate().catch(() => undefined)
    const where = modelDir
      ? `from "${modelDir}"`
      : `(${model} from the Hugging Face hub)`
    throw new Error(`Could not load CLIP ${where}: ${e?.message ?? e}`)
  }

  const embedder = new ClipEmbedder(
    worker,
    `clip:${model}:${dtype}`,
    ready.dimensions,
    batchSize,
    ready.info,
    opts.photoCutOut
      ? new PhotoCutOutWorker((m) => (opts.logger?.warn ?? console.warn)(m))
      : null
  )
  opts.logger?.info(
    `[visual-search] CLIP ${model} (${dtype}, ${ready.dimensions} dims) loaded ${modelDir ? `from ${modelDir}` : "from the hub/cache"} ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s; inference in a worker thread, batches of ${batchSize}` +
      (opts.photoCutOut
        ? "; shoppers' photos fused with their GrabCut cut-out"
        : "")
  )
  return embedder
}
