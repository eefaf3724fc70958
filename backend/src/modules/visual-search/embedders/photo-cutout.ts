import sharp from "sharp"
import { isMainThread, parentPort, workerData } from "worker_threads"
import { decodeWithin, segmentRGB, WORK } from "./classic-features"
import { grabCutMask, openCv } from "./grabcut"
import { WorkerClient } from "../workers/worker-client"

/**
 * The product of a shopper's photo on white, as a PNG fitted inside
 * side × side: cut out at WORK px by GrabCut seeded with the classic
 * segmentation (grabcut.ts), the mask then laid over the photo decoded at
 * `side`. For an embedder that reads whole pictures (CLIP): the catalogue's
 * photos are products on white. Null when the cut keeps (almost) nothing.
 */
export async function photoCutOut(
  buf: Buffer,
  side: number
): Promise<Buffer | null> {
  const big = await decodeWithin(buf, side)
  const { data, info } = await sharp(big.data, {
    raw: { width: big.width, height: big.height, channels: 3 },
  })
    .resize(WORK, WORK, { fit: "inside", kernel: "linear" })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const small = { data, width: info.width, height: info.height }
  const seg = segmentRGB(small.data, small.width, small.height)
  const mask = await grabCutMask(
    small.data,
    small.width,
    small.height,
    seg.mask
  )
  if (!mask) return null
  const out = Buffer.from(big.data)
  for (let y = 0; y < big.height; y++) {
    const sy = Math.min(
      small.height - 1,
      Math.floor((y * small.height) / big.height)
    )
    for (let x = 0; x < big.width; x++) {
      const sx = Math.min(
        small.width - 1,
        Math.floor((x * small.width) / big.width)
      )
      if (!mask[sy * small.width + sx]) {
        const o = 3 * (y * big.width + x)
        out[o] = out[o + 1] = out[o + 2] = 255
      }
    }
  }
  return sharp(out, {
    raw: { width: big.width, height: big.height, channels: 3 },
  })
    .png({ compressionLevel: 1 })
    .toBuffer()
}

type Job = { id: number; image: Uint8Array; side: number }
type Reply = { id: number; png?: Uint8Array | null; error?: string }

if (!isMainThread && workerData?.photoCutOutWorker) {
  openCv().catch(() => {})
  parentPort!.on("message", async (job: Job) => {
    try {
      const png = await photoCutOut(
        Buffer.from(
          job.image.buffer,
          job.image.byteOffset,
          job.image.byteLength
        ),
        job.side
      )
      parentPort!.postMessage({ id: job.id, png } satisfies Reply)
    } catch (e: any) {
      parentPort!.postMessage({
        id: job.id,
        error: String(e?.message ?? e),
      } satisfies Reply)
    }
  })
}

/**
 * photoCutOut on its own thread (segmentation and GrabCut are ~50 ms of a
 * core per photo: not the main thread's to spend), as the classic embedder
 * does; in the main thread when the worker cannot run, said once.
 */
export class PhotoCutOutWorker {
  private readonly worker: WorkerClient<Job, Reply>

  constructor(warn: (msg: string) => void) {
    this.worker = new WorkerClient(
      __filename,
      { photoCutOutWorker: true },
      "photo cut-out worker",
      "photo cut-outs are now made in the main thread",
      (m) => warn(`[visual-search] ${m}`)
    )
  }

  async cut(buf: Buffer, side: number): Promise<Buffer | null> {
    const m = await this.worker.ask((id) => ({
      id,
      image: new Uint8Array(buf),
      side,
    }))
    if (!m) return photoCutOut(buf, side)
    if (m.error !== undefined) throw new Error(m.error)
    return m.png ? Buffer.from(m.png) : null
  }

  close() {
    return this.worker.close()
  }
}
