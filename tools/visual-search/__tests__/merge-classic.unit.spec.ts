import {
  ClassicEmbedder,
  type ClassicParams,
} from "../../../backend/src/modules/visual-search/embedders/classic"
import { RAW_DIM } from "../../../backend/src/modules/visual-search/embedders/classic-features"
import { mulberry32 } from "../../../backend/test-fixtures/shopper-photo"
import { mergeParams } from "../merge-classic"

const rand = mulberry32(5)
const g = () => rand() * 2 - 1
const arr = (n: number, f = g) => Array.from({ length: n }, f)

/** Small random heads of the shipped shapes: a type LDA, a type perceptron, a colour LDA over part of the descriptor. */
function params(): ClassicParams {
  const d = RAW_DIM
  return {
    version: 2,
    rawDim: d,
    mean: arr(d),
    scale: arr(d, () => 0.5 + rand()),
    heads: [
      { name: "type", weight: 0.5, input: [0, d], rows: 4, matrix: arr(4 * d) },
      {
        name: "type-mlp",
        weight: 1,
        input: [0, d],
        rows: 3,
        layers: [
          { rows: 5, matrix: arr(5 * d), bias: arr(5), relu: true },
          { rows: 3, matrix: arr(15), bias: arr(3) },
        ],
        centre: arr(3),
      },
      {
        name: "colour",
        weight: 0.5,
        input: [10, 40],
        rows: 2,
        matrix: arr(60),
      },
    ],
  }
}

describe("merge-classic", () => {
  it("gives the vector of both embedders side by side (type heads first, then colour), from one standardisation", () => {
    const a = new ClassicEmbedder({ params: params(), cnn: null })
    const b = new ClassicEmbedder({ params: params(), cnn: null })
    const m = new ClassicEmbedder({
      params: mergeParams(a["params"], b["params"], "hard"),
      cnn: null,
    })
    expect(m.dimensions).toBe(a.dimensions + b.dimensions)
    expect(m.kind).toEqual([0, 14])
    for (let t = 0; t < 3; t++) {
      const raw = Float32Array.from(arr(RAW_DIM, () => rand() * 3))
      const [va, vb, vm] = [a.project(raw), b.project(raw), m.project(raw)]
      // each embedder's vector has the same norm before its own normalisation, so the join is their halves
      const join = [
        ...va.subarray(0, 7),
        ...vb.subarray(0, 7),
        ...va.subarray(7),
        ...vb.subarray(7),
      ].map((x) => x / Math.SQRT2)
      join.forEach((x, i) => expect(vm[i]).toBeCloseTo(x, 3))
    }
  })
})
