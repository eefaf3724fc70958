/**
 * Generates a CLIP ViT-B/32-*shaped* model for timing: the vision graph has
 * the architecture of `Xenova/clip-vit-base-patch32` (32×32 patches, 12
 * pre-norm transformer layers of width 768 with 12 heads and a 3072-wide
 * quick-GELU MLP, post-norm on the class token, a 768→512 projection), so one
 * image costs the same ~4.4 G multiply-adds; its weights are pseudo-random.
 * The quantized variant is quantized the way the hub's `*_quantized.onnx` is
 * (dynamic: DynamicQuantizeLinear → MatMulInteger on int8 weights), so
 * onnxruntime runs the same kernels. The text graph is the tiny one of
 * make-tiny-clip.ts (text search is not what is timed).
 *
 * What for: the real weights cannot be downloaded here, and the benchmark's
 * end-to-end / raw-embedder ratio is meant for CLIP, whose inference is an
 * order of magnitude slower than the weight-free embedder's. Vectors of this
 * model mean nothing: only its times do. Never use it to search.
 *
 *   npm run make:clip-timing-model -- <outDir>
 *   CURATOR_EMBEDDER=clip CURATOR_MODEL_DIR=<outDir> …
 */
import fs from "fs"
import path from "path"
import { onnx } from "onnx-proto"
import { makeTinyClip, prng } from "../../backend/test-fixtures/make-tiny-clip"

const T = onnx.TensorProto.DataType
const A = onnx.AttributeProto.AttributeType

export const VIT_B_32 = {
  width: 768,
  heads: 12,
  layers: 12,
  mlp: 3072,
  patch: 32,
  image: 224,
  projection: 512,
}

/** A graph under construction: unique value names, initializers and nodes. */
class Graph {
  readonly nodes: onnx.INodeProto[] = []
  readonly inits: onnx.ITensorProto[] = []
  private n = 0
  constructor(private readonly rand: () => number) {}

  op(
    type: string,
    inputs: string[],
    attrs: onnx.IAttributeProto[] = [],
    outputs = 1,
    name?: string
  ): string[] {
    const outs = Array.from(
      { length: outputs },
      (_, i) => (i === 0 && name) || `${type.toLowerCase()}_${this.n++}`
    )
    this.nodes.push({
      opType: type,
      input: inputs,
      output: outs,
      name: `${type}_${outs[0]}`,
      attribute: attrs,
    })
    return outs
  }
  one(
    type: string,
    inputs: string[],
    attrs: onnx.IAttributeProto[] = [],
    name?: string
  ): string {
    return this.op(type, inputs, attrs, 1, name)[0]
  }
  floats(dims: number[], data: Float32Array | number[]): string {
    const name = `c_${this.n++}`
    const f = data instanceof Float32Array ? data : Float32Array.from(data)
    this.inits.push({
      name,
      dims,
      dataType: T.FLOAT,
      rawData: new Uint8Array(
        f.buffer.slice(f.byteOffset, f.byteOffset + f.byteLength)
      ),
    })
    return name
  }
  int64s(dims: number[], data: number[]): string {
    const name = `c_${this.n++}`
    const b = Buffer.alloc(8 * data.length)
    data.forEach((v, i) => b.writeBigInt64LE(BigInt(v), 8 * i))
    this.inits.push({
      name,
      dims,
      dataType: T.INT64,
      rawData: new Uint8Array(b),
    })
    return name
  }
  /** Uniform in ±scale·√3 (standard deviation `scale`). */
  random(dims: number[], scale: number): string {
    const len = dims.reduce((a, b) => a * b, 1)
    const s = scale * 2 * Math.sqrt(3)
    return this.floats(
      dims,
      Float32Array.from({ length: len }, () => this.rand() * s)
    )
  }
  int8s(dims: number[]): string {
    const len = dims.reduce((a, b) => a * b, 1)
    const q = Int8Array.from({ length: len }, () =>
      Math.round(this.rand() * 254)
    )
    const name = `c_${this.n++}`
    this.inits.push({
      name,
      dims,
      dataType: T.INT8,
      rawData: new Uint8Array(q.buffer),
    })
    return name
  }

  /** x·W (+ b): fp32, or dynamically quantized as onnxruntime's quantize_dynamic writes it. */
  linear(
    x: string,
    inF: number,
    outF: number,
    quantized: boolean,
    bias = true
  ): string {
    const std = 0.02
    let y: string
    if (!quantized) y = this.one("MatMul", [x, this.random([inF, outF], std)])
    else {
      const [xq, xs, xzp] = this.op("DynamicQuantizeLinear", [x], [], 3)
      const w = this.int8s([inF, outF])
      const wzp = `c_${this.n++}`
      this.inits.push({
        name: wzp,
        dims: [],
        dataType: T.INT8,
        rawData: new Uint8Array(1),
      })
      const acc = this.one("MatMulInteger", [xq, w, xzp, wzp])
      const f = this.one(
        "Cast",
        [acc],
        [{ name: "to", type: A.INT, i: T.FLOAT }]
      )
      const scale = this.one("Mul", [
        xs,
        this.floats([], [(std * 2 * Math.sqrt(3)) / 254]),
      ])
      y = this.one("Mul", [f, scale])
    }
    return bias ? this.one("Add", [y, this.random([outF], 0.01)]) : y
  }
  layerNorm(x: string, width: number): string {
    return this.one(
      "LayerNormalization",
      [
        x,
        this.floats([width], new Float32Array(width).fill(1)),
        this.floats([width], new Float32Array(width)),
      ],
      [
        { name: "axis", type: A.INT, i: -1 },
        { name: "epsilon", type: A.FLOAT, f: 1e-5 },
      ]
    )
  }
}

const ints = (name: string, v: number[]): onnx.IAttributeProto => ({
  name,
  type: A.INTS,
  ints: v,
})
const valueInfo = (
  name: string,
  elemType: number,
  dims: (number | string)[]
): onnx.IValueInfoProto => ({
  name,
  type: {
    tensorType: {
      elemType,
      shape: {
        dim: dims.map((d) =>
          typeof d === "number" ? { dimValue: d } : { dimParam: d }
        ),
      },
    },
  },
})

/** pixel_values f32 [batch,3,224,224] → image_embeds f32 [batch,512], through a ViT-B/32. */
export function vitB32VisionGraph(
  quantized: boolean,
  shape = VIT_B_32
): Uint8Array {
  const { width: D, heads: H, layers, mlp, patch, image, projection } = shape
  const grid = image / patch
  const tokens = grid * grid + 1
  const g = new Graph(prng(4321))
  // patch embedding, class token, positions
  const conv = g.one(
    "Conv",
    ["pixel_values", g.random([D, 3, patch, patch], 0.02)],
    [ints("kernel_shape", [patch, patch]), ints("strides", [patch, patch])]
  )
  const patches = g.one(
    "Transpose",
    [g.one("Reshape", [conv, g.int64s([3], [0, D, grid * grid])])],
    [ints("perm", [0, 2, 1])]
  )
  const batch = g.one(
    "Gather",
    [g.one("Shape", ["pixel_values"]), g.int64s([1], [0])],
    [{ name: "axis", type: A.INT, i: 0 }]
  )
  const clsShape = g.one(
    "Concat",
    [batch, g.int64s([2], [1, D])],
    [{ name: "axis", type: A.INT, i: 0 }]
  )
  const cls = g.one("Expand", [g.random([1, 1, D], 0.02), clsShape])
  let x = g.one("Add", [
    g.one("Concat", [cls, patches], [{ name: "axis", type: A.INT, i: 1 }]),
    g.random([tokens, D], 0.02),
  ])
  x = g.layerNorm(x, D)
  const heads = g.int64s([4], [0, tokens, H, D / H])
  const merged = g.int64s([3], [0, tokens, D])
  const scale = g.floats([], [1 / Math.sqrt(D / H)])
  for (let l = 0; l < layers; l++) {
    const h = g.layerNorm(x, D)
    const q = g.one(
      "Transpose",
      [
        g.one("Reshape", [
          g.one("Mul", [g.linear(h, D, D, quantized), scale]),
          heads,
        ]),
      ],
      [ints("perm", [0, 2, 1, 3])]
    )
    const k = g.one(
      "Transpose",
      [g.one("Reshape", [g.linear(h, D, D, quantized), heads])],
      [ints("perm", [0, 2, 3, 1])]
    )
    const v = g.one(
      "Transpose",
      [g.one("Reshape", [g.linear(h, D, D, quantized), heads])],
      [ints("perm", [0, 2, 1, 3])]
    )
    const attn = g.one(
      "Softmax",
      [g.one("MatMul", [q, k])],
      [{ name: "axis", type: A.INT, i: -1 }]
    )
    const ctx = g.one("Reshape", [
      g.one(
        "Transpose",
        [g.one("MatMul", [attn, v])],
        [ints("perm", [0, 2, 1, 3])]
      ),
      merged,
    ])
    x = g.one("Add", [x, g.linear(ctx, D, D, quantized)])
    const m = g.linear(g.layerNorm(x, D), D, mlp, quantized)
    const gelu = g.one("Mul", [
      m,
      g.one("Sigmoid", [g.one("Mul", [m, g.floats([], [1.702])])]),
    ])
    x = g.one("Add", [x, g.linear(gelu, mlp, D, quantized)])
  }
  // CLIP pools the class token. With random weights that token barely depends on the photo (every
  // photo's vector would be nearly the same, and searches would meet unrealistically unlike
  // neighbours), so this pools the mean of all tokens: the same cost, vectors that differ by photo.
  const pooled = g.layerNorm(
    g.one(
      "ReduceMean",
      [x],
      [ints("axes", [1]), { name: "keepdims", type: A.INT, i: 0 }]
    ),
    D
  )
  const embeds = g.linear(pooled, D, projection, quantized, false)
  g.one("Identity", [embeds], [], "image_embeds")
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({
      irVersion: 8,
      opsetImport: [{ domain: "", version: 17 }],
      producerName: "curatorai-make-clip-timing-model",
      graph: {
        name: "clip_vit_b_32_shaped_vision",
        input: [
          valueInfo("pixel_values", T.FLOAT, ["batch_size", 3, image, image]),
        ],
        output: [
          valueInfo("image_embeds", T.FLOAT, ["batch_size", projection]),
        ],
        initializer: g.inits,
        node: g.nodes,
      },
    })
  ).finish()
}

/** The model folder; `shape` other than ViT-B/32 only for tests of this generator. */
export function makeClipTimingModel(outDir: string, shape = VIT_B_32): string {
  const dir = path.resolve(outDir)
  makeTinyClip(dir, { dim: shape.projection })
  const config = JSON.parse(
    fs.readFileSync(path.join(dir, "config.json"), "utf8")
  )
  config["_curatorai_tiny_test_model"] = undefined
  config["_curatorai_timing_model"] =
    "generated by tools/clip/make-clip-timing-model.ts: ViT-B/32-shaped vision graph with random weights, for timing only"
  fs.writeFileSync(
    path.join(dir, "config.json"),
    JSON.stringify(config, null, 2)
  )
  fs.writeFileSync(
    path.join(dir, "onnx", "vision_model.onnx"),
    vitB32VisionGraph(false, shape)
  )
  fs.writeFileSync(
    path.join(dir, "onnx", "vision_model_quantized.onnx"),
    vitB32VisionGraph(true, shape)
  )
  return dir
}

if (require.main === module) {
  // relative to where `npm run` was typed (npm runs the script from tools/)
  const out =
    process.argv[2] &&
    path.resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2])
  if (!out) {
    console.error("usage: make-clip-timing-model <outDir>")
    process.exit(2)
  }
  console.log(
    `CLIP ViT-B/32-shaped timing model (random weights) written to ${makeClipTimingModel(out)}`
  )
}
