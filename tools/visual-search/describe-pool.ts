import fs from "fs"
import os from "os"
import path from "path"
import crypto from "crypto"
import { Worker, isMainThread, parentPort, workerData } from "worker_threads"
import { RAW_DIM } from "../../backend/src/modules/visual-search/embedders/classic-features"
import { workerBoot } from "../../backend/src/modules/visual-search/workers/worker-client"

/**
 * Computes raw classic descriptors for many images on all cores (worker
 * threads), optionally of a shopper-photo variant, and caches them in /tmp
 * keyed by the source of the feature code (any change invalidates the cache).
 */

export interface Job {
  file: string
  /** undefined = the photo itself; a number = shopperPhoto(photo, mulberry32(seed)) */
  shopperSeed?: number
  /** with shopperSeed: hardPhoto(photo, mulberry32(seed), other) of train-augment.ts instead */
  hardOther?: string
}

const CACHE_DIR = process.env.CLASSIC_CACHE_DIR ?? "/tmp/classic-cache"

function codeHash(): string {
  const h = crypto.createHash("sha1")
  for (const f of [
    "../../backend/src/modules/visual-search/embedders/classic-features",
    "../../backend/test-fixtures/shopper-photo",
    "./train-augment",
  ]) {
    h.update(fs.readFileSync(require.resolve(f)))
  }
  return h.digest("hex").slice(0, 12)
}

export async function describeMany(
  jobs: Job[],
  cacheName?: string,
  threads = os.cpus().length
): Promise<Float32Array[]> {
  let cacheFile: string | undefined
  if (cacheName) {
    const key = crypto
      .createHash("sha1")
      .update(JSON.stringify(jobs))
      .digest("hex")
      .slice(0, 10)
    fs.mkdirSync(CACHE_DIR, { recursive: true })
    cacheFile = path.join(CACHE_DIR, `${cacheName}-${codeHash()}-${key}.f32`)
    if (fs.existsSync(cacheFile)) {
      const b = fs.readFileSync(cacheFile)
      const all = new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4)
      if (all.length === jobs.length * RAW_DIM) {
        return jobs.map((_, i) => all.slice(i * RAW_DIM, (i + 1) * RAW_DIM))
      }
    }
  }
  const out: Float32Array[] = new Array(jobs.length)
  const n = Math.max(1, Math.min(threads, jobs.length))
  let done = 0
  const t0 = Date.now()
  await Promise.all(
    Array.from({ length: n }, (_, w) => {
      const mine = jobs
        .map((j, i) => ({ ...j, i }))
        .filter((_, i) => i % n === w)
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(workerBoot(__filename), {
          eval: true,
          workerData: { jobs: mine },
        })
        worker.on("message", (m: { i: number; v: Float32Array }) => {
          out[m.i] = m.v
          if (++done % 1000 === 0)
            process.stderr.write(
              `  described ${done}/${jobs.length} (${((Date.now() - t0) / done).toFixed(1)} ms/img wall)\n`
            )
        })
        worker.on("error", reject)
        worker.on("exit", (code) =>
          code === 0 ? resolve() : reject(new Error(`worker exit ${code}`))
        )
      })
    })
  )
  if (cacheFile) {
    const all = new Float32Array(jobs.length * RAW_DIM)
    out.forEach((v, i) => all.set(v, i * RAW_DIM))
    fs.writeFileSync(cacheFile, Buffer.from(all.buffer))
  }
  return out
}

if (!isMainThread && workerData?.jobs) {
  ;(async () => {
    const sharp = require("sharp")
    sharp.concurrency(1)
    const { describeImage } =
      require("../../backend/src/modules/visual-search/embedders/classic-features") as typeof import("../../backend/src/modules/visual-search/embedders/classic-features")
    const { shopperPhoto, mulberry32 } =
      require("../../backend/test-fixtures/shopper-photo") as typeof import("../../backend/test-fixtures/shopper-photo")
    const { hardPhoto } =
      require("./train-augment") as typeof import("./train-augment")
    for (const j of workerData.jobs as (Job & { i: number })[]) {
      let buf: Buffer = fs.readFileSync(j.file)
      if (j.shopperSeed !== undefined && j.hardOther)
        buf = await hardPhoto(
          buf,
          mulberry32(j.shopperSeed),
          fs.readFileSync(j.hardOther)
        )
      else if (j.shopperSeed !== undefined)
        buf = await shopperPhoto(buf, mulberry32(j.shopperSeed))
      parentPort!.postMessage({ i: j.i, v: await describeImage(buf) })
    }
  })().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
