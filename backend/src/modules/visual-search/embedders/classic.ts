import type { ImageEmbedder } from "./types"
import { l2normalize } from "./types"
import {
  decodeWithin,
  describeImage as describeRaw,
  describeRaw as describePixels,
  describePhoto,
  RAW_DIM,
  WORK,
  type RawPixels,
} from "./classic-features"
import fs from "fs"
import path from "path"
import { GarmentCnn, garmentCnnDir } from "./garment-cnn"
import shippedParams from "./classic-params.json"

/**
 * Weight-free ("classic") image embedder: a hand-made descriptor of the
 * product's pixels (background separated; colour, silhouette, edge/texture
 * blocks — see classic-features.ts) followed by small projections learned on
 * the catalogue labels (tools/visual-search/train-classic.ts) and shipped as
 * classic-params.json. No pretrained network, no downloads, ~10 ms per image.
 *
 * Output = concat of L2-normalised "heads" (centred article-type logits of
 * one-hidden-layer perceptrons; article-type LDA over the whole descriptor,
 * colour LDA over the colour blocks), each scaled by its weight, then
 * L2-normalised as a whole. v6 ships two sets of such heads side by side
 * (merge-classic.ts): one trained on catalogue photos and one-backdrop
 * variants, one also on harder variants (train-augment.ts); the article-type
 * heads of both come first (the `kind` range), then both colour heads.
 */

export interface ClassicLayer {
  rows: number
  /** rows × (input length), row-major */
  matrix: number[]
  bias?: number[]
  relu?: boolean
}

export interface ClassicHead {
  name: string
  /** multiplier applied after normalising this head's output */
  weight: number
  /** [start, end) range of the standardised raw descriptor this head reads */
  input: [number, number]
  /** output length of the head (= rows of its last layer) */
  rows: number
  /** single linear layer: rows × (end - start), row-major (when `layers` is absent) */
  matrix?: number[]
  /** or a stack of affine layers (optionally ReLU), applied in order */
  layers?: ClassicLayer[]
  /** subtracted from the head's output before it is normalised */
  centre?: number[]
}

interface CompiledLayer {
  rows: number
  cols: number
  M: Float32Array
  b: Float32Array | null
  relu: boolean
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

/** The views of a shopper's photo embedPhotos averages: the whole photo, then central parts (side fractions). */
export const PHOTO_VIEWS = [1, 0.85, 0.7]

/**
 * The network sees a shopper's photo three ways: whole, its central part (this
 * fraction of each side) and the GrabCut cut-out. Offline (generator-eval, 1,000
 * products, 100 queries per generator), adding the central part moved
 * precision@5 by +0.00 to +0.03 on every generator (mean +0.013); a mirrored
 * copy, or a central part of 0.65, did not help.
 */
export const NET_CENTRE = 0.8

/** The network's block: its pooled feature, and the block's weight against the descriptor's. */
export interface CnnBlock {
  /** loads the network on first use (memoise it: it is called per batch) */
  model: () => Promise<GarmentCnn>
  /** the feature's length */
  dims: number
  /**
   * The block is unit length times this, the descriptor's block unit length;
   * both sides of a comparison carry it, so the network's cosine counts
   * weight² against the descriptor's.
   */
  weight: number
  /**
   * Which training of the network this is (labels.json's `generation`, which
   * train.py raises on every training): part of the embedder's id, so a store
   * indexed with another network reindexes rather than mixing the two.
   */
  generation?: number
}

/** The shipped block's weight, chosen offline (docs/notes/feat-photo-bg.md, round 6). */
export const CNN_WEIGHT = 1

const loaded = new Map<string, Promise<GarmentCnn>>()
/** The network in a model folder (train.py's output) as the classic embedder's block; each folder loaded once per thread, on first use. */
export function cnnBlockAt(dir: string, weight = CNN_WEIGHT): CnnBlock {
  const meta = JSON.parse(
    fs.readFileSync(path.join(dir, "labels.json"), "utf8")
  ) as { feature: number; generation?: number }
  const model = () => {
    if (!loaded.has(dir)) loaded.set(dir, GarmentCnn.load(dir))
    return loaded.get(dir)!
  }
  return { model, dims: meta.feature, weight, generation: meta.generation ?? 1 }
}

/** The network shipped in data/models/garment-cnn (or CURATOR_GARMENT_CNN_DIR), as the classic embedder's block. */
export function shippedCnnBlock(): CnnBlock {
  return cnnBlockAt(garmentCnnDir())
}

export class ClassicEmbedder implements ImageEmbedder {
  /**
   * v6: the descriptor alone; v(6 + g): the descriptor joined with the
   * network of generation g (v7: the first network, v8: the second, v9: the third).
   */
  readonly id: string
  readonly dimensions: number
  readonly kind?: [number, number]
  readonly typeNaming?: [number, number]
  private readonly params: ClassicParams
  private readonly heads: {
    layers: CompiledLayer[]
    centre: Float32Array | null
  }[]
  private readonly mean: Float32Array
  private readonly invScale: Float32Array

  private readonly cnn?: CnnBlock
  /** length of the descriptor's block (the vector without the network's) */
  private readonly own: number

  /** `cnn`: the network's block; default the shipped one, `null` for the descriptor alone (offline tools). */
  constructor(opts: { params?: ClassicParams; cnn?: CnnBlock | null } = {}) {
    const p = opts.params ?? (shippedParams as unknown as ClassicParams)
    this.cnn =
      opts.cnn === undefined ? shippedCnnBlock() : (opts.cnn ?? undefined)
    this.id = this.cnn
      ? `classic:v${6 + (this.cnn.generation ?? 1)}`
      : "classic:v6"
    if (p.rawDim !== RAW_DIM) {
      throw new Error(
        `classic params were trained for a ${p.rawDim}-d descriptor, this code makes ${RAW_DIM}-d; retrain (eval/train-classic.ts)`
      )
    }
    this.params = p
    this.mean = Float32Array.from(p.mean)
    this.invScale = Float32Array.from(p.scale, (s) => 1 / (s || 1))
    this.heads = p.heads.map((h) => {
      const spec: ClassicLayer[] = h.layers ?? [
        { rows: h.rows, matrix: h.matrix ?? [] },
      ]
      let cols = h.input[1] - h.input[0]
      const layers = spec.map((l) => {
        if (l.matrix.length !== l.rows * cols)
          throw new Error(`classic head ${h.name}: bad matrix size`)
        if (l.bias && l.bias.length !== l.rows)
          throw new Error(`classic head ${h.name}: bad bias size`)
        const c: CompiledLayer = {
          rows: l.rows,
          cols,
          M: Float32Array.from(l.matrix),
          b: l.bias ? Float32Array.from(l.bias) : null,
          relu: !!l.relu,
        }
        cols = l.rows
        return c
      })
      if (cols !== h.rows)
        throw new Error(
          `classic head ${h.name}: last layer has ${cols} rows, head says ${h.rows}`
        )
      if (h.centre && h.centre.length !== h.rows)
        throw new Error(`classic head ${h.name}: bad centre size`)
      return { layers, centre: h.centre ? Float32Array.from(h.centre) : null }
    })
    this.own = p.heads.reduce((a, h) => a + h.rows, 0)
    const extra = this.cnn ? this.cnn.dims : 0
    this.dimensions = this.own + extra
    // the leading article-type heads ("type", "type-mlp") say what kind of item it is; the network's
    // block, when there is one, comes first and says it too
    const ranges = this.headRanges()
    let n = 0
    while (
      n < ranges.length &&
      (ranges[n].name === "cnn" || ranges[n].name.startsWith("type"))
    )
      n++
    if (n > 0 && n < ranges.length) this.kind = [0, ranges[n - 1].end]
    // wardrobe tagging by nearest labelled products: 0.800 top-1 with the network's block, 0.837 without
    // (npm run eval:wardrobe; docs/notes/feat-photo-bg.md, round 6)
    if (this.kind && extra) this.typeNaming = [extra, this.kind[1]]
  }

  /** The network's pooled feature of each picture. */
  private async cnnFeatures(pixels: RawPixels[]): Promise<Float32Array[]> {
    const model = await this.cnn!.model()
    return (await model.run(pixels)).map((o) => o.feature)
  }

  /** The network's block from pictures' features: the mean of their unit vectors, unit length, times its weight. */
  private cnnBlock(features: Float32Array[]): Float32Array {
    const block = this.cnn!
    const m = new Float32Array(block.dims)
    for (const f of features) {
      const u = l2normalize(f)
      for (let i = 0; i < m.length; i++) m[i] += u[i]
    }
    const u = l2normalize(m)
    for (let i = 0; i < u.length; i++) u[i] *= block.weight
    return u
  }

  /** [network block, descriptor block] as one unit vector (the descriptor's alone without a network). */
  private joined(own: Float32Array, net: Float32Array | null): Float32Array {
    if (!net) return own
    const out = new Float32Array(this.dimensions)
    out.set(net, 0)
    out.set(own, net.length)
    return l2normalize(out)
  }

  /** Where each block (the network's "cnn", then heads such as "type", "colour") sits in the output vector. */
  headRanges(): { name: string; start: number; end: number }[] {
    let o = this.cnn ? this.cnn.dims : 0
    return [
      ...(this.cnn ? [{ name: "cnn", start: 0, end: o }] : []),
      ...this.params.heads.map((h) => ({
        name: h.name,
        start: o,
        end: (o += h.rows),
      })),
    ]
  }

  /** Output of head k (before centring and normalisation) for a standardised descriptor z. */
  headOutput(k: number, z: Float32Array): Float32Array {
    const h = this.params.heads[k]
    let x = z.subarray(h.input[0], h.input[1])
    for (const l of this.heads[k].layers) {
      const y = new Float32Array(l.rows)
      for (let r = 0; r < l.rows; r++) {
        let acc = l.b ? l.b[r] : 0
        const base = r * l.cols
        for (let c = 0; c < l.cols; c++) acc += l.M[base + c] * x[c]
        y[r] = l.relu && acc < 0 ? 0 : acc
      }
      x = y
    }
    return x
  }

  /** Raw descriptor → embedding (exactly what training evaluated). */
  project(raw: Float32Array): Float32Array {
    const z = new Float32Array(raw.length)
    for (let i = 0; i < raw.length; i++)
      z[i] = (raw[i] - this.mean[i]) * this.invScale[i]
    const out = new Float32Array(this.own)
    let o = 0
    this.params.heads.forEach((h, k) => {
      const { centre } = this.heads[k]
      const x = this.headOutput(k, z)
      let norm = 0
      for (let r = 0; r < h.rows; r++) {
        const v = centre ? x[r] - centre[r] : x[r]
        out[o + r] = v
        norm += v * v
      }
      const f = h.weight / (Math.sqrt(norm) || 1)
      for (let r = 0; r < h.rows; r++) out[o + r] *= f
      o += h.rows
    })
    return l2normalize(out)
  }

  async embedImages(images: Buffer[]): Promise<Float32Array[]> {
    const out: Float32Array[] = []
    for (const img of images) {
      // one decode for both blocks (describeImage is exactly this decode, then describeRaw)
      const px = await decodeWithin(img, WORK)
      const own = this.project(describePixels(px.data, px.width, px.height))
      const net = this.cnn ? this.cnnBlock(await this.cnnFeatures([px])) : null
      out.push(this.joined(own, net))
    }
    return out
  }

  /**
   * A shopper's photo: the mean embedding of PHOTO_VIEWS (the whole photo and
   * central parts of it), averaged again with the embedding of the product
   * GrabCut cuts out of it (describePhoto), so the cut-out weighs as much as
   * the views together. The descriptor's own background separation misjudges
   * some photos (a second surface, a frame, a hand); the views and the cut-out
   * misjudge differently, and the mean ranks as they agree. The network's
   * block: the mean over the whole photo, its centre (NET_CENTRE) and the cut-out.
   * `views` other than PHOTO_VIEWS, `cutOut: false`: for the offline evaluation only.
   */
  async embedPhotos(
    images: Buffer[],
    views = PHOTO_VIEWS,
    cutOut = true
  ): Promise<Float32Array[]> {
    const out: Float32Array[] = []
    for (const img of images)
      out.push(
        this.combinePhoto(
          await this.photoHalf(img, "core", views, cutOut),
          await this.photoHalf(img, "views", views)
        )
      )
    return out
  }

  /**
   * One half of embedPhotos' work on a photo, so two threads can share it
   * (classic-worker.ts): "core" is the whole photo's view, the GrabCut
   * cut-out and the network on the cut-out; "views" the central views and the
   * network on the whole photo and its centre. combinePhoto joins the halves
   * into the vector embedPhotos makes.
   */
  async photoHalf(
    img: Buffer,
    half: "core" | "views",
    views = PHOTO_VIEWS,
    cutOut = true
  ): Promise<PhotoHalf> {
    if (half === "core") {
      const d = await describePhoto(
        img,
        views.filter((f) => f >= 1),
        cutOut
      )
      return {
        views: d.views.map((v) => this.project(v)),
        cut: d.cutOut ? this.project(d.cutOut) : null,
        net:
          this.cnn && d.pixels.cut
            ? await this.cnnFeatures([d.pixels.cut])
            : [],
      }
    }
    const d = await describePhoto(
      img,
      views.filter((f) => f < 1),
      false
    )
    return {
      views: d.views.map((v) => this.project(v)),
      cut: null,
      net: this.cnn
        ? await this.cnnFeatures([
            d.pixels.whole,
            centre(d.pixels.whole, NET_CENTRE),
          ])
        : [],
    }
  }

  /** The photo's vector from its two halves (photoHalf). */
  combinePhoto(core: PhotoHalf, rest: PhotoHalf): Float32Array {
    const vs = [...core.views, ...rest.views]
    const m = new Float32Array(this.own)
    for (const v of vs)
      for (let i = 0; i < m.length; i++) m[i] += v[i] / vs.length
    if (core.cut) for (let i = 0; i < m.length; i++) m[i] += core.cut[i]
    const net = this.cnn ? this.cnnBlock([...rest.net, ...core.net]) : null
    return this.joined(l2normalize(m), net)
  }
}

/** Half of a shopper's photo's embedding: projected descriptors of its views and cut-out, the network's features. */
export type PhotoHalf = {
  views: Float32Array[]
  cut: Float32Array | null
  net: Float32Array[]
}

/** The central part of a picture, `f` of its width and height. */
function centre(p: RawPixels, f: number): RawPixels {
  const w = Math.round(p.width * f),
    h = Math.round(p.height * f)
  const x0 = Math.floor((p.width - w) / 2),
    y0 = Math.floor((p.height - h) / 2)
  const out = new Uint8Array(w * h * 3)
  for (let y = 0; y < h; y++)
    out.set(
      p.data.subarray(
        3 * ((y0 + y) * p.width + x0),
        3 * ((y0 + y) * p.width + x0 + w)
      ),
      3 * y * w
    )
  return { data: out, width: w, height: h }
}
