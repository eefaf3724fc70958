import type { IndexedImage } from "../../modules/visual-search/types"
import { isNearCopy, NEAR_COPY_THRESHOLDS } from "./near-copy"

/**
 * When are two products the same thing sold twice? When one of their photos
 * is a near copy of the other's (re-upload, resize, recompression, crop,
 * mirror, watermark, a slight colour change): see near-copy.ts. Calibrated on
 * the shared dataset by `npm run calibrate:duplicates`; see README.
 */
export const DUPLICATE_THRESHOLDS = NEAR_COPY_THRESHOLDS

/**
 * A pair decision is a pure function of two stored photos, so it is cached per
 * process, keyed by image row and perceptual hash (a reindexed photo whose
 * content changed gets a new key).
 */
const decisions = new Map<string, boolean>()
const MAX_DECISIONS = 200_000

export function imagesAreDuplicates(a: IndexedImage, b: IndexedImage, t = DUPLICATE_THRESHOLDS): boolean {
  if (!a.frame || !b.frame) return false
  if (t !== DUPLICATE_THRESHOLDS) return isNearCopy(a.frame, b.frame, t)
  const ka = `${a.id}:${a.phash}`
  const kb = `${b.id}:${b.phash}`
  const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`
  let d = decisions.get(key)
  if (d === undefined) {
    d = isNearCopy(a.frame, b.frame, t)
    if (decisions.size >= MAX_DECISIONS) decisions.clear()
    decisions.set(key, d)
  }
  return d
}

const productsAreDuplicates = (a: IndexedImage[], b: IndexedImage[], t = DUPLICATE_THRESHOLDS) =>
  a.some((x) => b.some((y) => imagesAreDuplicates(x, y, t)))

/**
 * The products a search shows, one per near-duplicate cluster: a candidate
 * (in rank order) is compared only with those already shown, so a search pays
 * for at most limit × candidates pairs.
 */
export class ShownProducts {
  private readonly shown: { id: string; images: IndexedImage[] }[] = []
  constructor(private readonly t = DUPLICATE_THRESHOLDS) {}
  /** The shown product this one duplicates, if any. */
  duplicateOf(images: IndexedImage[]): string | null {
    return this.shown.find((s) => productsAreDuplicates(images, s.images, this.t))?.id ?? null
  }
  add(id: string, images: IndexedImage[]) {
    this.shown.push({ id, images })
  }
}
