import { isNearCopy } from "../../../modules/visual-search/near-copy"
import type { AheadImage } from "./messages"

export const pairKey = (ka: string, kb: string) =>
  ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`

/**
 * Pair decisions already made, per process or per worker, bounded. A decision
 * is a pure function of two stored photos, so it is keyed by each photo's
 * image row and perceptual hash (a reindexed photo whose content changed gets
 * a new key).
 */
export class NearCopyDecisions {
  private readonly made = new Map<string, boolean>()
  constructor(private readonly max = 200_000) {}

  /** Whether two photos are near copies (false when either has no frame), from the cache when decided before. */
  decide(
    x: AheadImage,
    y: AheadImage
  ): { key: string; copy: boolean; computed: boolean } | null {
    if (!x.frame || !y.frame) return null
    const key = pairKey(x.key, y.key)
    let copy = this.made.get(key)
    const computed = copy === undefined
    if (copy === undefined)
      this.remember(key, (copy = isNearCopy(x.frame, y.frame)))
    return { key, copy, computed }
  }

  remember(key: string, copy: boolean) {
    if (this.made.size >= this.max) this.made.clear()
    this.made.set(key, copy)
  }
}

/** The first of `shown` (each a product's photos) that `images` copies: each of its photos against each of theirs. */
export function firstCopied<T, S extends T[] | { images: T[] }>(
  shown: S[],
  images: T[],
  same: (x: T, y: T) => boolean
): S | undefined {
  return shown.find((s) =>
    images.some((x) =>
      (Array.isArray(s) ? s : s.images).some((y) => same(x, y))
    )
  )
}

/**
 * The walk of `ShownProducts`: each candidate, in order, against every product
 * shown so far (first shown first, each of its photos against each of theirs,
 * stopping at the first copy); a candidate that copies none is shown. Stops
 * once `want` candidates were shown.
 */
export function walkAhead<T>(
  shown: T[][],
  candidates: T[][],
  want: number,
  same: (x: T, y: T) => boolean
): void {
  const list = [...shown]
  let added = 0
  for (const images of candidates) {
    if (added >= want) return
    if (!firstCopied(list, images, same)) {
      list.push(images)
      added++
    }
  }
}
