/**
 * Generates a tiny, CLIP-shaped test model that @huggingface/transformers loads
 * exactly like Xenova/clip-vit-base-patch32 — same folder layout, the REAL
 * config / image-processor / tokenizer files, and ONNX graphs with the real
 * input and output names — but with a few kilobytes of pseudo-random weights
 * instead of 600 MB. It exists so that CI can exercise the whole CLIP path
 * (local loading, real preprocessing, tokenisation, the worker, batching)
 * without network access. Its vectors mean nothing.
 *
 *   npx ts-node test-fixtures/make-tiny-clip.ts <outDir> [--config <dir>] [--dim 32]
 *
 * Writes:
 *   <outDir>/{config.json (projection_dim = P), preprocessor_config.json, tokenizer*.json, vocab.json, merges.txt, ...}
 *   <outDir>/onnx/vision_model.onnx            pixel_values f32 [batch,3,224,224] -> image_embeds f32 [batch,P]
 *   <outDir>/onnx/vision_model_quantized.onnx  same graph, weights stored int8 + DequantizeLinear
 *   <outDir>/onnx/text_model.onnx              input_ids i64 [batch,seq] -> text_embeds f32 [batch,P]
 *   <outDir>/onnx/text_model_quantized.onnx    same graph, weights stored int8 + DequantizeLinear
 *
 * Vision graph: AveragePool(56x56, stride 56) -> [b,3,4,4] -> Flatten -> MatMul W[48,P].
 * Text graph:   Gather(E[512,P], input_ids mod 512), mean over the tokens that are not
 *               <|endoftext|> (49407, also the pad token) -> padding does not change a
 *               text's vector, as in real CLIP (which pools at the EOS position).
 * Like the real export, the text graph takes only `input_ids` (transformers.js
 * feeds a session only the inputs it declares).
 */
import fs from "fs"
import path from "path"
import { onnx } from "onnx-proto"

const T = onnx.TensorProto.DataType
const CONFIG_FILES = [
  "config.json",
  "preprocessor_config.json",
  "tokenizer.json",
  "tokenizer_config.json",
  "vocab.json",
  "merges.txt",
  "special_tokens_map.json",
]
export const DEFAULT_CONFIG_DIR = path.resolve(__dirname, "clip-config")
const EOS_ID = 49407
const TEXT_TABLE_ROWS = 512

export function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0
    return a / 4294967296 - 0.5
  }
}

function floatTensor(
  name: string,
  dims: number[],
  data: Float32Array
): onnx.ITensorProto {
  return {
    name,
    dims,
    dataType: T.FLOAT,
    rawData: new Uint8Array(data.buffer.slice(0)),
  }
}
function int64Tensor(
  name: string,
  dims: number[],
  data: number[]
): onnx.ITensorProto {
  const b = Buffer.alloc(8 * data.length)
  data.forEach((v, i) => b.writeBigInt64LE(BigInt(v), 8 * i))
  return { name, dims, dataType: T.INT64, rawData: new Uint8Array(b) }
}
function node(
  opType: string,
  input: string[],
  output: string[],
  attrs: onnx.IAttributeProto[] = []
): onnx.INodeProto {
  return {
    opType,
    input,
    output,
    name: `${opType}_${output[0]}`,
    attribute: attrs,
  }
}
function ints(name: string, v: number[]): onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: v }
}
function int(name: string, v: number): onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: v }
}
function valueInfo(
  name: string,
  elemType: number,
  dims: (number | string)[]
): onnx.IValueInfoProto {
  return {
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
  }
}

/**
 * A weight as graph initializer(s). fp32: one float initializer named `name`.
 * quantized: int8 data + scale + zero point, dequantized by a DequantizeLinear
 * node whose output is `name` (what a weight-only quantized export looks like).
 */
function weight(
  name: string,
  dims: number[],
  data: Float32Array,
  quantized: boolean
) {
  if (!quantized)
    return {
      inits: [floatTensor(name, dims, data)],
      nodes: [] as onnx.INodeProto[],
    }
  let max = 0
  for (const v of data) max = Math.max(max, Math.abs(v))
  const scale = max / 127 || 1
  const q = new Int8Array(data.length)
  for (let i = 0; i < data.length; i++)
    q[i] = Math.max(-127, Math.min(127, Math.round(data[i] / scale)))
  return {
    inits: [
      {
        name: `${name}_q`,
        dims,
        dataType: T.INT8,
        rawData: new Uint8Array(q.buffer),
      },
      floatTensor(`${name}_scale`, [], Float32Array.of(scale)),
      {
        name: `${name}_zp`,
        dims: [],
        dataType: T.INT8,
        rawData: new Uint8Array(1),
      },
    ] as onnx.ITensorProto[],
    nodes: [
      node(
        "DequantizeLinear",
        [`${name}_q`, `${name}_scale`, `${name}_zp`],
        [name]
      ),
    ],
  }
}

function model(graph: onnx.IGraphProto): Uint8Array {
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({
      irVersion: 8,
      opsetImport: [{ domain: "", version: 13 }],
      producerName: "curatorai-make-tiny-clip",
      graph,
    })
  ).finish()
}

export function visionGraph(dim: number, quantized: boolean): Uint8Array {
  const cells = 4 // 224 / 56
  const k = 3 * cells * cells
  const r = prng(1234)
  const w = weight(
    "proj",
    [k, dim],
    Float32Array.from({ length: k * dim }, r),
    quantized
  )
  return model({
    name: "tiny_clip_vision",
    input: [valueInfo("pixel_values", T.FLOAT, ["batch_size", 3, 224, 224])],
    output: [valueInfo("image_embeds", T.FLOAT, ["batch_size", dim])],
    initializer: w.inits,
    node: [
      ...w.nodes,
      node(
        "AveragePool",
        ["pixel_values"],
        ["pooled"],
        [ints("kernel_shape", [56, 56]), ints("strides", [56, 56])]
      ),
      node("Flatten", ["pooled"], ["flat"], [int("axis", 1)]),
      node("MatMul", ["flat", "proj"], ["image_embeds"]),
    ],
  })
}

export function textGraph(dim: number, quantized: boolean): Uint8Array {
  const r = prng(98765)
  const w = weight(
    "table",
    [TEXT_TABLE_ROWS, dim],
    Float32Array.from({ length: TEXT_TABLE_ROWS * dim }, r),
    quantized
  )
  return model({
    name: "tiny_clip_text",
    input: [valueInfo("input_ids", T.INT64, ["batch_size", "sequence_length"])],
    output: [valueInfo("text_embeds", T.FLOAT, ["batch_size", dim])],
    initializer: [
      ...w.inits,
      int64Tensor("rows", [], [TEXT_TABLE_ROWS]),
      int64Tensor("eos", [], [EOS_ID]),
      int64Tensor("axis1", [1], [1]),
      int64Tensor("axis2", [1], [2]),
      floatTensor("eps", [], Float32Array.of(1e-6)),
    ],
    node: [
      ...w.nodes,
      node("Mod", ["input_ids", "rows"], ["row_ids"], [int("fmod", 0)]),
      node("Gather", ["table", "row_ids"], ["tok"], [int("axis", 0)]), // [b,s,P]
      node("Equal", ["input_ids", "eos"], ["is_eos"]),
      node("Not", ["is_eos"], ["keep_b"]),
      node("Cast", ["keep_b"], ["keep"], [int("to", T.FLOAT)]), // [b,s]
      node("Unsqueeze", ["keep", "axis2"], ["keep3"]), // [b,s,1]
      node("Mul", ["tok", "keep3"], ["masked"]),
      node("ReduceSum", ["masked", "axis1"], ["summed"], [int("keepdims", 0)]), // [b,P]
      node("ReduceSum", ["keep3", "axis1"], ["count"], [int("keepdims", 0)]), // [b,1]
      node("Add", ["count", "eps"], ["count_safe"]),
      node("Div", ["summed", "count_safe"], ["text_embeds"]),
    ],
  })
}

export function makeTinyClip(
  outDir: string,
  opts: { configDir?: string; dim?: number } = {}
): { dir: string; dim: number } {
  const configDir = opts.configDir ?? DEFAULT_CONFIG_DIR
  const dim = opts.dim ?? 32
  const dir = path.resolve(outDir)
  fs.mkdirSync(path.join(dir, "onnx"), { recursive: true })
  for (const f of CONFIG_FILES) {
    const src = path.join(configDir, f)
    if (!fs.existsSync(src))
      throw new Error(`make-tiny-clip: missing ${f} in ${configDir}`)
    fs.copyFileSync(src, path.join(dir, f))
  }
  const config = JSON.parse(
    fs.readFileSync(path.join(dir, "config.json"), "utf8")
  )
  config.projection_dim = dim
  if (config.text_config) config.text_config.projection_dim = dim
  if (config.vision_config) config.vision_config.projection_dim = dim
  config["_curatorai_tiny_test_model"] =
    "generated by test-fixtures/make-tiny-clip.ts; random weights, for tests only"
  fs.writeFileSync(
    path.join(dir, "config.json"),
    JSON.stringify(config, null, 2)
  )
  fs.writeFileSync(
    path.join(dir, "onnx", "vision_model.onnx"),
    visionGraph(dim, false)
  )
  fs.writeFileSync(
    path.join(dir, "onnx", "vision_model_quantized.onnx"),
    visionGraph(dim, true)
  )
  fs.writeFileSync(
    path.join(dir, "onnx", "text_model.onnx"),
    textGraph(dim, false)
  )
  fs.writeFileSync(
    path.join(dir, "onnx", "text_model_quantized.onnx"),
    textGraph(dim, true)
  )
  return { dir, dim }
}

if (require.main === module) {
  const args = process.argv.slice(2)
  const flag = (n: string) => {
    const i = args.indexOf(n)
    if (i < 0) return undefined
    const v = args[i + 1]
    args.splice(i, 2)
    return v
  }
  const configDir = flag("--config")
  const dim = flag("--dim")
  const out = args[0]
  if (!out) {
    console.error(
      "usage: make-tiny-clip <outDir> [--config <dir with CLIP config/tokenizer files>] [--dim 32]"
    )
    process.exit(2)
  }
  const r = makeTinyClip(out, { configDir, dim: dim ? Number(dim) : undefined })
  console.log(
    `tiny CLIP test model (projection_dim ${r.dim}) written to ${r.dir}`
  )
}
