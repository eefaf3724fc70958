import fs from "fs"
import path from "path"
import sharp from "sharp"

/** Raw RGB pixels. */
export interface RawImage {
  data: Uint8Array
  width: number
  height: number
}

interface Session {
  run(feeds: Record<string, unknown>): Promise<Record<string, any>>
}

/**
 * Where the shipped network lives: CURATOR_GARMENT_CNN_DIR, else the first
 * `data/models/garment-cnn` above this file (the backend's own, from the
 * sources and from a `medusa build` alike). Throws, naming where it looked,
 * when there is none: an embedder without its network must not start as if
 * it had it.
 */
export function garmentCnnDir(): string {
  const set = process.env.CURATOR_GARMENT_CNN_DIR
  if (set) return set
  const tried: string[] = []
  for (let dir = __dirname; ;) {
    const candidate = path.join(dir, "data", "models", "garment-cnn")
    if (fs.existsSync(path.join(candidate, "model.onnx"))) return candidate
    tried.push(candidate)
    const up = path.dirname(dir)
    if (up === dir) break
    dir = up
  }
  throw new Error(
    `the garment network (data/models/garment-cnn/model.onnx) was not found; looked in ${tried.slice(0, 6).join(", ")}; set CURATOR_GARMENT_CNN_DIR`
  )
}

/**
 * A small convolutional network trained here on the shared product photos
 * and our own hard variants of them (tools/visual-search/cnn/), run through
 * onnxruntime-node: an image → its pooled feature and article-type logits.
 * The weights are in the repository (a few MB); nothing is downloaded.
 */
export class GarmentCnn {
  private constructor(
    private readonly session: Session,
    readonly size: number,
    readonly labels: string[],
    readonly featureDim: number,
    readonly ort: any
  ) {}

  static async load(dir: string): Promise<GarmentCnn> {
    const meta = JSON.parse(
      fs.readFileSync(path.join(dir, "labels.json"), "utf8")
    ) as { size: number; labels: string[]; feature: number }
    const ort = require("onnxruntime-node")
    const session = await ort.InferenceSession.create(
      path.join(dir, "model.onnx"),
      { intraOpNumThreads: 1, interOpNumThreads: 1 }
    )
    return new GarmentCnn(session, meta.size, meta.labels, meta.feature, ort)
  }

  /** Each image squeezed to size × size (as in training), in one batch. */
  async run(
    images: RawImage[]
  ): Promise<{ feature: Float32Array; logits: Float32Array }[]> {
    if (!images.length) return []
    const S = this.size,
      plane = S * S
    const input = new Float32Array(images.length * 3 * plane)
    await Promise.all(
      images.map(async (img, n) => {
        const px = await sharp(img.data, {
          raw: { width: img.width, height: img.height, channels: 3 },
        })
          .resize(S, S, { fit: "fill" })
          .raw()
          .toBuffer()
        const o = n * 3 * plane
        for (let i = 0; i < plane; i++) {
          input[o + i] = px[3 * i] / 255
          input[o + plane + i] = px[3 * i + 1] / 255
          input[o + 2 * plane + i] = px[3 * i + 2] / 255
        }
      })
    )
    const out = await this.session.run({
      image: new this.ort.Tensor("float32", input, [images.length, 3, S, S]),
    })
    const f = out.feature.data as Float32Array,
      l = out.logits.data as Float32Array
    const F = this.featureDim,
      L = this.labels.length
    return images.map((_, n) => ({
      feature: f.slice(n * F, (n + 1) * F),
      logits: l.slice(n * L, (n + 1) * L),
    }))
  }
}
