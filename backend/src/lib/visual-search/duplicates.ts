import type { IndexedImage } from "../../modules/visual-search/types"
import {
  firstCopied,
  imageKey,
  nearCopyWorker,
  NearCopyDecisions,
  type AheadImage,
} from "./near-copy-worker"

/*
 * When are two products the same thing sold twice? When one of their photos
 * is a near copy of the other's (re-upload, resize, recompression, crop,
 * mirror, watermark, a slight colour change): see near-copy.ts, whose
 * thresholds `npm run calibrate:duplicates` calibrates on the shared dataset.
 * Decisions are cached per process (NearCopyDecisions), and the near-copy
 * worker makes most of them ahead of the search (near-copy-worker.ts).
 */
const decisions = new NearCopyDecisions()

const ahead = (images: IndexedImage[]): AheadImage[] =>
  images.map((i) => ({ key: imageKey(i), frame: i.frame ?? null }))

const imagesAreDuplicates = (a: AheadImage, b: AheadImage) =>
  !!decisions.decide(a, b)?.copy

/**
 * The products a search shows, one per near-duplicate cluster: a candidate
 * (in rank order) is compared only with those already shown, so a search pays
 * for at most limit × candidates pairs.
 */
export class ShownProducts {
  private readonly shown: { id: string; images: AheadImage[] }[] = []
  /** The shown product this one duplicates, if any. */
  duplicateOf(images: IndexedImage[]): string | null {
    return (
      firstCopied(this.shown, ahead(images), imagesAreDuplicates)?.id ?? null
    )
  }
  add(id: string, images: IndexedImage[]) {
    this.shown.push({ id, images: ahead(images) })
  }

  /**
   * Has the near-copy worker make, ahead of time, the decisions a walk through
   * `candidates` (in rank order, each assumed purchasable) will ask for, until
   * `want` more products are shown: the search runs this while the main thread
   * reads the candidates' prices and stock. Only fills the decision cache; what
   * is shown is still decided by `duplicateOf`, on fresh offers.
   */
  async decideAhead(
    candidates: IndexedImage[][],
    want: number,
    warn?: (msg: string) => void
  ): Promise<void> {
    const made = await nearCopyWorker(warn).decide(
      this.shown.map((s) => s.images),
      candidates.map(ahead),
      want
    )
    for (const [key, copy] of made) decisions.remember(key, copy)
  }
}
