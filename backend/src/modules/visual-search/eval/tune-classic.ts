/**
 * Hyper-parameter sweep for train-classic.ts on a validation split *inside*
 * the catalog part (the query part is never used here):
 * train on catalog ids with idHash % 4 != 1, gallery = their clean photos,
 * queries = shopper-photo variant (aug1) of the held-out ids.
 *
 *   npx ts-node --transpile-only src/modules/visual-search/eval/tune-classic.ts
 */
import { loadTrainingSet, fitParams, DEFAULT_CONFIG, TrainConfig } from "./train-classic"
import { ClassicEmbedder } from "../embedders/classic"
import { idHash } from "./split"
import { score } from "./offline-eval"

;(async () => {
  const { raw, rows } = await loadTrainingSet(2)
  const n = rows.length / 3
  const isVal = (i: number) => idHash(rows[i % n].id + ":val") % 4 === 1
  const trIdx = rows.map((_, i) => i).filter((i) => !isVal(i) && i < 2 * n) // clean + aug0
  const galIdx = rows.map((_, i) => i).filter((i) => i < n && !isVal(i))
  const qIdx = rows.map((_, i) => i).filter((i) => i >= 2 * n && isVal(i)).slice(0, 700) // aug1 of held-out
  const variants: [string, Partial<TrainConfig> & { t?: any; c?: any }][] = JSON.parse(process.argv[2] ?? "[]")
  if (!variants.length) variants.push(["default", {}])
  for (const [name, v] of variants) {
    const cfg: TrainConfig = {
      ...DEFAULT_CONFIG, ...v,
      type: { ...DEFAULT_CONFIG.type, ...(v.t ?? {}) }, colour: { ...DEFAULT_CONFIG.colour, ...(v.c ?? {}) },
    }
    const params = fitParams(trIdx.map((i) => raw[i]), trIdx.map((i) => rows[i]), cfg)
    const emb = new ClassicEmbedder({ params })
    const s = score(galIdx.map((i) => emb.project(raw[i])), galIdx.map((i) => rows[i]), qIdx.map((i) => emb.project(raw[i])), qIdx.map((i) => rows[i]))
    console.log(`${name.padEnd(28)} p@5=${s.p5.toFixed(3)} p@1=${s.p1.toFixed(3)} c@5=${s.c5.toFixed(3)} (n=${s.n})`)
  }
})()
