/**
 * One interface, several embedders. Every vector is stored with the id of the
 * embedder that made it, and search only compares vectors of the active one:
 * vectors of two embedders live in unrelated spaces.
 */
export interface ImageEmbedder {
  /** Stable id stored with every vector, e.g. "classic:v2" or "clip:Xenova/clip-vit-base-patch32:q8". */
  readonly id: string
  /** Length of every vector it returns. */
  readonly dimensions: number
  /**
   * Embeds decoded-or-encoded images (any format sharp reads: JPEG, PNG, WebP…).
   * Returns one L2-normalised vector per input, in order.
   */
  embedImages(images: Buffer[]): Promise<Float32Array[]>
  /**
   * A shopper's photos (searches, post tag suggestions), in the same space as
   * embedImages: an embedder may look at several views of each and fuse them.
   * Absent: embedImages. Call it through embedPhotos() below.
   */
  embedPhotos?(images: Buffer[]): Promise<Float32Array[]>
  /**
   * The dimensions [start, end) that say what kind of item a photo shows (the
   * classic embedder's article-type heads), without its colour; the category
   * consensus votes by similarity there. Absent: the whole vector.
   */
  readonly kind?: [number, number]
  /**
   * Where the wardrobe names an article type by its nearest labelled products,
   * when that is not `kind` (classic:v7 and later: its article-type heads without the
   * network's block, which measured worse there). Absent: `kind`.
   */
  readonly typeNaming?: [number, number]
  /** Text → vector in the same space (CLIP only). */
  embedText?(texts: string[]): Promise<Float32Array[]>
  /** Releases worker threads / sessions. */
  close?(): Promise<void>
}

/** A shopper's photos through the embedder's photo path (several views fused) where it has one. */
export function embedPhotos(
  embedder: ImageEmbedder,
  images: Buffer[]
): Promise<Float32Array[]> {
  return embedder.embedPhotos
    ? embedder.embedPhotos(images)
    : embedder.embedImages(images)
}

export function l2normalize(v: Float32Array): Float32Array {
  let s = 0
  for (let i = 0; i < v.length; i++) s += v[i] * v[i]
  const n = Math.sqrt(s) || 1
  for (let i = 0; i < v.length; i++) v[i] /= n
  return v
}

/** Cosine similarity of two vectors restricted to dimensions [start, end). */
export function cosineIn(
  a: Float32Array,
  b: Float32Array,
  [start, end]: [number, number]
): number {
  let ab = 0,
    aa = 0,
    bb = 0
  for (let i = start; i < end; i++) {
    ab += a[i] * b[i]
    aa += a[i] * a[i]
    bb += b[i] * b[i]
  }
  return aa && bb ? ab / Math.sqrt(aa * bb) : 0
}
