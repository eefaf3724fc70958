/**
 * Joins a second set of trained classic heads to the shipped ones, so the
 * embedding carries both (one wider vector, the same descriptor):
 *
 *   npm run train:classic -- --aug 3 --hard 4 --ensemble 1
 *   (copy the classic-params.json it wrote to OTHER, restore the shipped one)
 *   npm run merge:classic -- OTHER [--suffix hard]
 *
 * The added heads were trained on their own standardisation of the
 * descriptor; it is folded into their first layer (z' = z·r + t is linear in
 * the shipped z), so the embedder still standardises once. Article-type heads
 * go after the shipped article-type heads and colour heads at the end, so the
 * "kind" dimensions (the leading type heads) stay one range.
 */
import fs from "fs"
import path from "path"
import type {
  ClassicHead,
  ClassicParams,
} from "../../backend/src/modules/visual-search/embedders/classic"

const FILE = path.join(
  __dirname,
  "../../backend/src/modules/visual-search/embedders/classic-params.json"
)
const r5 = (v: number) => Number(v.toPrecision(5))

export function mergeParams(
  base: ClassicParams,
  other: ClassicParams,
  suffix: string
): ClassicParams {
  if (base.rawDim !== other.rawDim) throw new Error("different descriptors")
  const d = base.rawDim
  // other's z = (x - m2) / s2 = z_base · (s1 / s2) + (m1 - m2) / s2
  const ratio = base.scale.map((s, i) => s / other.scale[i])
  const shift = base.mean.map((m, i) => (m - other.mean[i]) / other.scale[i])
  const fold = (h: ClassicHead): ClassicHead => {
    const [s, e] = h.input
    const cols = e - s
    const [first, ...rest] = h.layers ?? [{ rows: h.rows, matrix: h.matrix! }]
    const matrix: number[] = new Array(first.rows * cols)
    const bias: number[] = []
    for (let r = 0; r < first.rows; r++) {
      let b = first.bias?.[r] ?? 0
      for (let c = 0; c < cols; c++) {
        const w = first.matrix[r * cols + c]
        matrix[r * cols + c] = r5(w * ratio[s + c])
        b += w * shift[s + c]
      }
      bias.push(r5(b))
    }
    const { matrix: _m, ...head } = h
    return {
      ...head,
      name: `${h.name}-${suffix}`,
      layers: [{ ...first, matrix, bias }, ...rest],
    }
  }
  const isType = (h: ClassicHead) => h.name.startsWith("type")
  if (other.mean.length !== d) throw new Error("bad standardisation")
  return {
    ...base,
    heads: [
      ...base.heads.filter(isType),
      ...other.heads.filter(isType).map(fold),
      ...base.heads.filter((h) => !isType(h)),
      ...other.heads.filter((h) => !isType(h)).map(fold),
    ],
    trainedOn: `${base.trainedOn}; joined with ${suffix} heads: ${other.trainedOn}`,
  }
}

if (require.main === module) {
  const otherFile = process.argv[2]
  const i = process.argv.indexOf("--suffix")
  const suffix = i >= 0 ? process.argv[i + 1] : "hard"
  const base = JSON.parse(fs.readFileSync(FILE, "utf8")) as ClassicParams
  const other = JSON.parse(fs.readFileSync(otherFile, "utf8")) as ClassicParams
  const merged = mergeParams(base, other, suffix)
  fs.writeFileSync(FILE, JSON.stringify(merged))
  console.error(
    `wrote ${FILE}: heads ${merged.heads.map((h) => `${h.name}=${h.rows}`).join(" ")}`
  )
}
