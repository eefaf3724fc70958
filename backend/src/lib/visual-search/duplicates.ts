import type { IndexedImage } from "../../modules/visual-search/types"
import { isNearCopy } from "./near-copy"

/*
 * When are two products the same thing sold twice? When one of their photos
 * is a near copy of the other's (re-upload, resize, recompression, crop,
 * mirror, watermark, a slight colour change): see near-copy.ts, whose
 * thresholds `npm run calibrate:duplicates` calibrates on the shared dataset.
 *
 * A pair decision is a pure function of two stored photos, so it is cached per
 * process, keyed by image row and perceptual hash (a reindexed photo whose
 * content changed gets a new key).
 */
const decisions = new Map<string, boolean>()
const MAX_DECISIONS = 200_000

function imagesAreDuplicates(a: IndexedImage, b: IndexedImage): boolean {
  if (!a.frame || !b.frame) return false
  const ka = `${a.id}:${a.phash}`
  const kb = `${b.id}:${b.phash}`
  const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`
  let d = decisions.get(key)
  if (d === undefined) {
    d = isNearCopy(a.frame, b.frame)
    if (decisions.size >= MAX_DECISIONS) decisions.clear()
    decisions.set(key, d)
  }
  return d
}

/**
 * The products a search shows, one per near-duplicate cluster: a candidate
 * (in rank order) is compared only with those already shown, so a search pays
 * for at most limit × candidates pairs.
 */
export class ShownProducts {
  private readonly shown: { id: string; images: IndexedImage[] }[] = []
  /** The shown product this one duplicates, if any. */
  duplicateOf(images: IndexedImage[]): string | null {
    return this.shown.find((s) => images.some((x) => s.images.some((y) => imagesAreDuplicates(x, y))))?.id ?? null
  }
  add(id: string, images: IndexedImage[]) {
    this.shown.push({ id, images })
  }
}
