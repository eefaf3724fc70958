import type { IndexedImage } from "../../modules/visual-search/types"
import { isNearCopy } from "./near-copy"
import { nearCopyWorker, pairKey } from "./near-copy-worker"

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

const keyOf = (img: IndexedImage) => `${img.id}:${img.phash}`

function remember(key: string, d: boolean) {
  if (decisions.size >= MAX_DECISIONS) decisions.clear()
  decisions.set(key, d)
}

/** Decisions the near-copy worker made for the same pairs. */
function learn(made: [string, boolean][]) {
  for (const [key, d] of made) remember(key, d)
}

function imagesAreDuplicates(a: IndexedImage, b: IndexedImage): boolean {
  if (!a.frame || !b.frame) return false
  const key = pairKey(keyOf(a), keyOf(b))
  let d = decisions.get(key)
  if (d === undefined) remember(key, (d = isNearCopy(a.frame, b.frame)))
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

  /**
   * Has the near-copy worker make, ahead of time, the decisions a walk through
   * `candidates` (in rank order, each assumed purchasable) will ask for, until
   * `want` more products are shown: the search runs this while the main thread
   * reads the candidates' prices and stock. Only fills the decision cache; what
   * is shown is still decided by `duplicateOf`, on fresh offers.
   */
  async decideAhead(candidates: IndexedImage[][], want: number, warn?: (msg: string) => void): Promise<void> {
    const ahead = (images: IndexedImage[]) => images.map((i) => ({ key: keyOf(i), frame: i.frame ?? null }))
    learn(await nearCopyWorker(warn).decide(this.shown.map((s) => ahead(s.images)), candidates.map(ahead), want))
  }
}
