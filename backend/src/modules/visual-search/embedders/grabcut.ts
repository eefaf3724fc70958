/**
 * The product cut out of a shopper's photo by OpenCV's GrabCut
 * (`@techstark/opencv-js`, OpenCV compiled to WebAssembly: no native build,
 * nothing downloaded at install).
 *
 * The flood segmentation of classic-features.ts decides pixel by pixel from
 * the border inwards, so a second surface it did not model, a seam or a
 * frame stays in the "product". GrabCut starts from that segmentation as
 * *probable* labels (the border ring as certain backdrop), learns a colour
 * model of each side and cuts where the two models disagree, which takes back
 * the other surfaces the flood could not reach.
 */
import type { Segmentation } from "./classic-features"

/** GrabCut's rounds: 2 measured a little worse on every generator, more is slower. */
const ROUNDS = 3
/** The border ring taken as certain backdrop, as a share of the shorter side. */
const RING = 0.04
/** A cut keeping less of the photo than this found nothing: no cut-out. */
const MIN_KEPT = 0.03

let ready: Promise<{ cv: any }> | null = null

/**
 * OpenCV's module, initialised once per thread (~0.2 s, ~8 MB of code).
 * Two traps of this Emscripten build: the module has a `then` that hands back
 * the module itself, so awaiting it never settles (it is returned wrapped),
 * and loading it adds process-wide `uncaughtException` and
 * `unhandledRejection` listeners that abort on any error of the app's: they
 * are taken off again.
 */
export function openCv(): Promise<{ cv: any }> {
  ready ??= (async () => {
    const proc: NodeJS.EventEmitter = process
    const events = ["uncaughtException", "unhandledRejection"]
    const before = events.map((e) => new Set(proc.listeners(e)))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require("@techstark/opencv-js")
    events.forEach((e, k) => {
      for (const l of proc.listeners(e))
        if (!before[k].has(l))
          proc.removeListener(e, l as (...a: any[]) => void)
    })
    if (!m.calledRun)
      await new Promise<void>((resolve) => {
        const old = m.onRuntimeInitialized
        m.onRuntimeInitialized = () => {
          old?.()
          resolve()
        }
      })
    return { cv: m }
  })()
  return ready
}

/**
 * The product's pixels (1) as GrabCut cuts them out of `px` (w × h sRGB),
 * seeded with `seed` (1 = probably product) and the border ring as certain
 * backdrop; null when the cut keeps (almost) nothing. Deterministic: OpenCV's
 * random generator is reseeded.
 */
export async function grabCutMask(
  px: Buffer | Uint8Array,
  w: number,
  h: number,
  seed: Uint8Array
): Promise<Uint8Array | null> {
  const { cv } = await openCv()
  const m = Math.max(2, Math.round(RING * Math.min(w, h)))
  if (w <= 2 * m + 2 || h <= 2 * m + 2) return null
  const img = new cv.Mat(h, w, cv.CV_8UC3)
  const mask = new cv.Mat(h, w, cv.CV_8UC1)
  const bgd = new cv.Mat()
  const fgd = new cv.Mat()
  try {
    img.data.set(px.subarray(0, w * h * 3))
    const md = mask.data as Uint8Array
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = y * w + x
        md[i] =
          x < m || y < m || x >= w - m || y >= h - m
            ? cv.GC_BGD
            : seed[i]
              ? cv.GC_PR_FGD
              : cv.GC_PR_BGD
      }
    cv.setRNGSeed(1)
    cv.grabCut(
      img,
      mask,
      new cv.Rect(m, m, w - 2 * m, h - 2 * m),
      bgd,
      fgd,
      ROUNDS,
      cv.GC_INIT_WITH_MASK
    )
    const out = new Uint8Array(w * h)
    let kept = 0
    for (let i = 0; i < w * h; i++)
      if (md[i] === cv.GC_FGD || md[i] === cv.GC_PR_FGD) {
        out[i] = 1
        kept++
      }
    return kept >= MIN_KEPT * w * h ? out : null
  } finally {
    img.delete()
    mask.delete()
    bgd.delete()
    fgd.delete()
  }
}

/** `px` with everything grabCutMask, seeded by `seg`, calls backdrop painted white, as the catalogue's photos are. */
export async function cutOutOnWhite(
  px: Buffer | Uint8Array,
  w: number,
  h: number,
  seg: Segmentation
): Promise<Buffer | null> {
  const mask = await grabCutMask(px, w, h, seg.mask)
  if (!mask) return null
  const out = Buffer.from(px.subarray(0, w * h * 3))
  for (let i = 0; i < w * h; i++)
    if (!mask[i]) out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = 255
  return out
}
