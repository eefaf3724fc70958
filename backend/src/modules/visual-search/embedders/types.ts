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
  /** Text → vector in the same space (CLIP only). */
  embedText?(texts: string[]): Promise<Float32Array[]>
  /** Releases worker threads / sessions. */
  close?(): Promise<void>
}

export function l2normalize(v: Float32Array): Float32Array {
  let s = 0
  for (let i = 0; i < v.length; i++) s += v[i] * v[i]
  const n = Math.sqrt(s) || 1
  for (let i = 0; i < v.length; i++) v[i] /= n
  return v
}
