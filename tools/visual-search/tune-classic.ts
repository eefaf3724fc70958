/**
 * Hyper-parameter sweep for train-classic.ts on a validation split *inside*
 * the catalog part (the query part is never used here):
 * train on catalog ids with idHash(id + ":val") % 4 != 1 (clean photos + their
 * first `aug` shopper-photo variants), gallery = their clean photos, queries =
 * a dedicated shopper-photo variant (a seed training never uses) of every
 * held-out id.
 *
 *   npx ts-node --transpile-only visual-search/tune-classic.ts [--aug 6] \
 *     '[["name", {"aug": 4, "t": {...lda}, "c": {...lda}, "mlp": {"weight": 1, "centre": true, "opts": {...}}}], ...]'
 *
 * Each variant is merged over DEFAULT_CONFIG ("t"/"c" over its type/colour LDA
 * options, "mlp.opts" over DEFAULT_MLP; "type": null drops the LDA type head,
 * "mlp": null the MLP head).
 */
import {
  loadTrainingSet,
  fitParams,
  DEFAULT_CONFIG,
  DEFAULT_MLP,
  TrainConfig,
  TRAIN_SEED,
} from "./train-classic"
import { ClassicEmbedder } from "../../backend/src/modules/visual-search/embedders/classic"
import { loadStyles, bySplit, imagePath } from "./data"
import { describeMany } from "./describe-pool"
import { idHash } from "./split"
import { score } from "./offline-eval"

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : def
}

export const isVal = (id: string) => idHash(id + ":val") % 4 === 1
/** Seed stream of the validation queries: disjoint from the training variants (a < 1000). */
export const VAL_QUERY_SEED = (TRAIN_SEED + 1000 * 7919) >>> 0

;(async () => {
  const maxAug = arg("aug", 2)
  const { raw, rows } = await loadTrainingSet(maxAug)
  const { catalog } = bySplit(loadStyles())
  const n = catalog.length
  const valRows = catalog.filter((r) => isVal(r.id))
  const qRaw = await describeMany(
    valRows.map((r) => ({
      file: imagePath(r.id),
      shopperSeed: (idHash(r.id) ^ VAL_QUERY_SEED) >>> 0,
    })),
    "catalog-valq"
  )
  const galIdx = rows
    .map((_, i) => i)
    .filter((i) => i < n && !isVal(rows[i].id))
  const spec = process.argv.slice(2).find((a) => a.startsWith("["))
  const variants: [string, any][] = JSON.parse(spec ?? "[]")
  if (!variants.length) variants.push(["default", {}])
  for (const [name, v] of variants) {
    const aug = v.aug ?? DEFAULT_CONFIG.aug
    if (aug > maxAug) throw new Error(`${name}: aug ${aug} > --aug ${maxAug}`)
    const cfg: TrainConfig = {
      ...DEFAULT_CONFIG,
      ...v,
      aug,
      type:
        v.type === null ? null : { ...DEFAULT_CONFIG.type!, ...(v.t ?? {}) },
      colour: { ...DEFAULT_CONFIG.colour, ...(v.c ?? {}) },
      mlp:
        v.mlp === null
          ? null
          : v.mlp || DEFAULT_CONFIG.mlp
            ? {
                ...(DEFAULT_CONFIG.mlp ?? { weight: 1, centre: true }),
                ...(v.mlp ?? {}),
                opts: {
                  ...DEFAULT_MLP,
                  ...(DEFAULT_CONFIG.mlp?.opts ?? {}),
                  ...(v.mlp?.opts ?? {}),
                },
              }
            : null,
    }
    const trIdx = rows
      .map((_, i) => i)
      .filter((i) => i < n * (1 + aug) && !isVal(rows[i].id))
    const t0 = Date.now()
    const params = fitParams(
      trIdx.map((i) => raw[i]),
      trIdx.map((i) => rows[i]),
      cfg
    )
    // "reweight": extra evaluations of the same trained heads with other weights, e.g. {"type": 0.5, "colour": 0.3}
    const weightings: Record<string, number>[] = [{}, ...(v.reweight ?? [])]
    for (const wts of weightings) {
      const p2 = {
        ...params,
        heads: params.heads
          .map((h) => ({ ...h, weight: wts[h.name] ?? h.weight }))
          .filter((h) => h.weight > 0),
      }
      const emb = new ClassicEmbedder({ params: p2, cnn: null })
      const gal = galIdx.map((i) => emb.project(raw[i])),
        galRows = galIdx.map((i) => rows[i])
      const q = qRaw.map((r) => emb.project(r))
      const s = score(gal, galRows, q, valRows)
      const r = score(gal, galRows, q, valRows, { rerank: true })
      const label = Object.keys(wts).length ? `  ${JSON.stringify(wts)}` : name
      console.log(
        `${label.padEnd(28)} p@5=${s.p5.toFixed(3)} p@1=${s.p1.toFixed(3)} any@10=${s.anyRight10.toFixed(3)} c@5=${s.c5.toFixed(3)} | consensus p@5=${r.p5.toFixed(3)} any@10=${r.anyRight10.toFixed(3)} (n=${s.n}, ${((Date.now() - t0) / 1000).toFixed(0)} s)`
      )
    }
  }
})()
