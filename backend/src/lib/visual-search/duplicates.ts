import { colourDistance, phashDistance, type ImageSignature } from "../images"
import type { IndexedImage } from "../../modules/visual-search/types"

/**
 * When are two products the same thing sold twice? When one of their photos
 * is a near copy of the other's (re-upload, resize, recompression, crop,
 * mirror, watermark, a slight colour change). Calibrated on the shared
 * dataset by `npm run calibrate:duplicates` (bench/calibrate-duplicates.mjs); see README.
 * The bar is a per-pair false-merge rate of ≤ 0.1% among each photo's nearest
 * distinct products: a search compares thousands of such pairs, so a looser
 * rule hides real products.
 */
export const DUPLICATE_THRESHOLDS = {
  /** max mean ΔE over a 4×4 colour grid: keeps re-coloured designs apart */
  colourDeltaE: 10,
  /** hashes this close (of 64 bits, mirror allowed) need only a looser pixel match… */
  phashBits: 8,
  nccWithHash: 0.95,
  /** …otherwise the trimmed thumbnails must match almost pixel for pixel */
  ncc: 0.95,
  /** pairs whose hashes differ more than this are never compared pixel-wise */
  maxPhashBits: 20,
}

const sig = (i: IndexedImage): ImageSignature | null =>
  i.phash && i.phash_mirror && i.colour ? { phash: i.phash, phashMirror: i.phash_mirror, colour: i.colour } : null

function dot(a: Float32Array, b: Float32Array) {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * b[i]
  return s
}

/** Normalised cross-correlation of the trimmed thumbnails, mirror allowed. */
export function thumbCorrelation(a: IndexedImage, b: IndexedImage): number {
  if (!a.thumb || !b.thumb) return 0
  return Math.max(dot(a.thumb.plain, b.thumb.plain), dot(a.thumb.plain, b.thumb.mirror))
}

// Cheap gates first (colour grid, hash distance), pixels only for the few pairs left.
export function imagesAreDuplicates(a: IndexedImage, b: IndexedImage, t = DUPLICATE_THRESHOLDS): boolean {
  const sa = sig(a)
  const sb = sig(b)
  if (!sa || !sb) return false
  if (colourDistance(sa, sb) > t.colourDeltaE) return false
  const bits = phashDistance(sa, sb)
  if (bits > t.maxPhashBits) return false
  const ncc = thumbCorrelation(a, b)
  return bits <= t.phashBits ? ncc >= t.nccWithHash : ncc >= t.ncc
}

/**
 * Incremental near-duplicate clusters: products are added in rank order and
 * compared only with those added before, so a search pays for the pairs in
 * the window it shows, not for every candidate.
 */
export class DuplicateClusters {
  private parent = new Map<string, string>()
  private images = new Map<string, IndexedImage[]>()
  constructor(private readonly t = DUPLICATE_THRESHOLDS) {}
  private find(x: string): string {
    while (this.parent.get(x) !== x) {
      this.parent.set(x, this.parent.get(this.parent.get(x)!)!)
      x = this.parent.get(x)!
    }
    return x
  }
  /** Adds a product with its photos; returns its cluster. */
  add(productId: string, imgs: IndexedImage[]): string {
    if (!this.parent.has(productId)) {
      this.parent.set(productId, productId)
      for (const [other, theirs] of this.images) {
        if (this.find(other) === this.find(productId)) continue
        if (imgs.some((a) => theirs.some((b) => imagesAreDuplicates(a, b, this.t)))) this.parent.set(this.find(productId), this.find(other))
      }
      this.images.set(productId, imgs)
    }
    return this.find(productId)
  }
}

/** Groups products into near-duplicate clusters (union–find over every image pair). */
export function clusterProducts(imagesByProduct: Map<string, IndexedImage[]>, t = DUPLICATE_THRESHOLDS): Map<string, string> {
  const ids = [...imagesByProduct.keys()]
  const parent = new Map(ids.map((id) => [id, id]))
  const find = (x: string): string => {
    while (parent.get(x) !== x) {
      parent.set(x, parent.get(parent.get(x)!)!)
      x = parent.get(x)!
    }
    return x
  }
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      if (find(ids[i]) === find(ids[j])) continue
      const dup = imagesByProduct.get(ids[i])!.some((a) => imagesByProduct.get(ids[j])!.some((b) => imagesAreDuplicates(a, b, t)))
      if (dup) parent.set(find(ids[i]), find(ids[j]))
    }
  }
  return new Map(ids.map((id) => [id, find(id)]))
}
