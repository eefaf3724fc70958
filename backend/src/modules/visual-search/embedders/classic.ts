import type { ImageEmbedder } from "./types"
import { l2normalize } from "./types"
import { describeImage as describeRaw, RAW_DIM, BLOCK_RANGES } from "./classic-features"
import shippedParams from "./classic-params.json"

/**
 * Weight-free ("classic") image embedder: a hand-made descriptor of the
 * product's pixels (background separated; colour, silhouette, edge/texture
 * blocks — see classic-features.ts) followed by a small linear projection
 * learned on the catalogue labels (eval/train-classic.ts) and shipped as
 * classic-params.json. No neural network, no downloads, ~30 ms per image.
 *
 * Output = concat of L2-normalised "heads" (article-type LDA over the whole
 * descriptor, colour LDA over the colour blocks), each scaled by its weight,
 * then L2-normalised as a whole.
 */

export interface ClassicHead {
  name: string
  /** multiplier applied after normalising this head's output */
  weight: number
  /** [start, end) range of the standardised raw descriptor this head reads */
  input: [number, number]
  rows: number
  /** rows × (end - start), row-major */
  matrix: number[]
}

export interface ClassicParams {
  version: number
  rawDim: number
  mean: number[]
  scale: number[]
  heads: ClassicHead[]
  trainedOn?: string
}

export const describeImage = describeRaw

export class ClassicEmbedder implements ImageEmbedder {
  readonly id = "classic:v1"
  readonly dimensions: number
  private readonly params: ClassicParams
  private readonly mats: Float32Array[]
  private readonly mean: Float32Array
  private readonly invScale: Float32Array

  constructor(opts: { params?: ClassicParams } = {}) {
    const p = opts.params ?? (shippedParams as unknown as ClassicParams)
    if (p.rawDim !== RAW_DIM) {
      throw new Error(`classic params were trained for a ${p.rawDim}-d descriptor, this code makes ${RAW_DIM}-d; retrain (eval/train-classic.ts)`)
    }
    this.params = p
    this.mean = Float32Array.from(p.mean)
    this.invScale = Float32Array.from(p.scale, (s) => 1 / (s || 1))
    this.mats = p.heads.map((h) => {
      if (h.matrix.length !== h.rows * (h.input[1] - h.input[0])) throw new Error(`classic head ${h.name}: bad matrix size`)
      return Float32Array.from(h.matrix)
    })
    this.dimensions = p.heads.reduce((a, h) => a + h.rows, 0)
  }

  /** Where each head (e.g. "type", "colour") sits in the output vector. */
  headRanges(): { name: string; start: number; end: number }[] {
    let o = 0
    return this.params.heads.map((h) => ({ name: h.name, start: o, end: (o += h.rows) }))
  }

  /** Raw descriptor → embedding (exactly what training evaluated). */
  project(raw: Float32Array): Float32Array {
    const z = new Float32Array(raw.length)
    for (let i = 0; i < raw.length; i++) z[i] = (raw[i] - this.mean[i]) * this.invScale[i]
    const out = new Float32Array(this.dimensions)
    let o = 0
    this.params.heads.forEach((h, k) => {
      const M = this.mats[k]
      const [s, e] = h.input
      const cols = e - s
      let norm = 0
      for (let r = 0; r < h.rows; r++) {
        let acc = 0
        const base = r * cols
        for (let c = 0; c < cols; c++) acc += M[base + c] * z[s + c]
        out[o + r] = acc
        norm += acc * acc
      }
      const f = h.weight / (Math.sqrt(norm) || 1)
      for (let r = 0; r < h.rows; r++) out[o + r] *= f
      o += h.rows
    })
    return l2normalize(out)
  }

  async embedImages(images: Buffer[]): Promise<Float32Array[]> {
    const out: Float32Array[] = []
    for (const img of images) out.push(this.project(await describeRaw(img)))
    return out
  }
}

/** Untrained fallback parameters: each descriptor block is its own head. */
export function identityParams(): ClassicParams {
  const heads: ClassicHead[] = Object.entries(BLOCK_RANGES).map(([name, [s, e]]) => {
    const n = e - s
    const matrix = new Array(n * n).fill(0)
    for (let i = 0; i < n; i++) matrix[i * n + i] = 1
    return { name, weight: 1, input: [s, e] as [number, number], rows: n, matrix }
  })
  return { version: 0, rawDim: RAW_DIM, mean: new Array(RAW_DIM).fill(0), scale: new Array(RAW_DIM).fill(1), heads }
}
