/**
 * Trains the classic embedder's heads on the catalogue part of the
 * fashion-products data (split.ts) and writes embedders/classic-params.json.
 * One command, deterministic (fixed split, augmentation and MLP seeds):
 *
 *   cd tools && npx ts-node --transpile-only visual-search/train-classic.ts [--aug 6]
 *
 * (~50 min on 2 cores from scratch: ~11 min describing 7 × 5.7k photos, cached
 * in /tmp/classic-cache or $CLASSIC_CACHE_DIR; the perceptrons, ~13 min each on
 * one thread, train two at a time in worker threads; ~5 min for the LDA heads.)
 *
 * Samples: every catalog-part photo plus `--aug` shopper-photo variants of it
 * (same label), so the learned heads are invariant to background,
 * crop, rotation, colour cast and compression.
 *
 * Heads (DEFAULT_CONFIG, chosen with tune-classic.ts on a validation split
 * inside the catalog part):
 *  - "type-mlp": a one-hidden-layer perceptron (descriptor → 256 ReLU →
 *    articleType logits, softmax cross-entropy, AdamW; mlp.ts). The centred
 *    logits are the embedding: neighbours are products the classifier sees
 *    the same way, which an LDA projection of the same descriptor could not
 *    separate (Tops/Tshirts/Shirts, shoe kinds). `mlp.ensemble` perceptrons,
 *    trained alike from consecutive seeds, are shipped as one wider network
 *    whose logits are their mean: each alone misreads different photos.
 *  - "type": PCA-whitening (top components) then LDA on articleType (optional)
 *  - "colour": LDA on baseColour over the colour blocks only
 */
import fs from "fs"
import os from "os"
import path from "path"
import { Worker, isMainThread, parentPort, workerData } from "worker_threads"
import { loadStyles, bySplit, imagePath } from "./data"
import { describeMany, Job } from "./describe-pool"
import { idHash } from "./split"
import { workerBoot } from "../../backend/src/modules/visual-search/workers/worker-client"
import { eigSym, covariance, projT, matmul } from "./linalg"
import {
  RAW_DIM,
  BLOCK_RANGES,
} from "../../backend/src/modules/visual-search/embedders/classic-features"
import {
  ClassicEmbedder,
  type ClassicParams,
  type ClassicHead,
  type ClassicLayer,
} from "../../backend/src/modules/visual-search/embedders/classic"
import { trainMlp, MlpOpts, type MlpModel } from "./mlp"

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : def
}

export const TRAIN_SEED = 0xa11ce
const HARD_SEED = 0x5eed5

export interface LdaOpts {
  pcaDims: number
  pcaReg: number
  swReg: number
  outDims: number
  minPerClass: number
  /** column scaling power of the LDA eigenvalue (0 = unscaled) */
  evPower: number
}

/** PCA-whiten then LDA. X are standardised rows (restricted to the head's input). */
export function trainLda(
  X: Float64Array[],
  labels: string[],
  o: LdaOpts
): { matrix: Float64Array; rows: number; cols: number } {
  const d = X[0].length
  const mu = new Float64Array(d)
  for (const x of X) for (let i = 0; i < d; i++) mu[i] += x[i] / X.length
  const C = covariance(X, mu)
  const { values, vectors } = eigSym(C, d)
  const p = Math.min(o.pcaDims, d)
  const P = new Float64Array(d * p) // d×p
  for (let i = 0; i < d; i++)
    for (let j = 0; j < p; j++)
      P[i * p + j] =
        vectors[i * d + j] / Math.sqrt(Math.max(values[j], 0) + o.pcaReg)
  const Y = X.map((x) => {
    const c = new Float64Array(d)
    for (let i = 0; i < d; i++) c[i] = x[i] - mu[i]
    return projT(P, d, p, c)
  })
  // class statistics
  const counts = new Map<string, number>()
  labels.forEach((l) => counts.set(l, (counts.get(l) ?? 0) + 1))
  const classes = [...counts.keys()]
    .filter((c) => counts.get(c)! >= o.minPerClass)
    .sort()
  const ci = new Map(classes.map((c, i) => [c, i]))
  const means = classes.map(() => new Float64Array(p))
  const gm = new Float64Array(p)
  let used = 0
  Y.forEach((y, k) => {
    const c = ci.get(labels[k])
    if (c === undefined) return
    for (let j = 0; j < p; j++) means[c][j] += y[j]
    used++
  })
  classes.forEach((c, i) => {
    for (let j = 0; j < p; j++) means[i][j] /= counts.get(c)!
  })
  // balanced between-class scatter (each class weighted by sqrt of its size)
  const Sb = new Float64Array(p * p)
  let wsum = 0
  classes.forEach((c, i) => {
    wsum += Math.sqrt(counts.get(c)!)
  })
  classes.forEach((c, i) => {
    const w = Math.sqrt(counts.get(c)!) / wsum
    for (let j = 0; j < p; j++) gm[j] += w * means[i][j]
  })
  classes.forEach((c, i) => {
    const w = Math.sqrt(counts.get(c)!) / wsum
    for (let a = 0; a < p; a++)
      for (let b = 0; b < p; b++)
        Sb[a * p + b] += w * (means[i][a] - gm[a]) * (means[i][b] - gm[b])
  })
  const Sw = new Float64Array(p * p)
  Y.forEach((y, k) => {
    const c = ci.get(labels[k])
    if (c === undefined) return
    const m = means[c]
    for (let a = 0; a < p; a++) {
      const da = y[a] - m[a]
      for (let b = a; b < p; b++) Sw[a * p + b] += (da * (y[b] - m[b])) / used
    }
  })
  for (let a = 0; a < p; a++)
    for (let b = 0; b < a; b++) Sw[a * p + b] = Sw[b * p + a]
  let tr = 0
  for (let a = 0; a < p; a++) tr += Sw[a * p + a]
  for (let a = 0; a < p; a++) Sw[a * p + a] += (o.swReg * tr) / p
  const ew = eigSym(Sw, p)
  const W2 = new Float64Array(p * p)
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++)
      W2[i * p + j] =
        ew.vectors[i * p + j] / Math.sqrt(Math.max(ew.values[j], 1e-9))
  // Sb in the Sw-whitened space: W2^T Sb W2
  const W2t = new Float64Array(p * p)
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) W2t[j * p + i] = W2[i * p + j]
  const Sb2 = matmul(matmul(W2t, Sb, p, p, p), W2, p, p, p)
  const eb = eigSym(Sb2, p)
  const k = Math.min(o.outDims, classes.length - 1, p)
  const Q = new Float64Array(p * k)
  for (let i = 0; i < p; i++)
    for (let j = 0; j < k; j++)
      Q[i * k + j] =
        eb.vectors[i * p + j] *
        Math.pow(Math.max(eb.values[j], 1e-9), o.evPower / 2)
  const full = matmul(matmul(P, W2, d, p, p), Q, d, p, k) // d×k
  // as rows × cols (k × d), applied to (x - mu): fold -mu into nothing (global mean is
  // removed by standardisation already; the residual offset is constant and dropped)
  const matrix = new Float64Array(k * d)
  for (let r = 0; r < k; r++)
    for (let c = 0; c < d; c++) matrix[r * d + c] = full[c * k + r]
  console.error(
    `  lda: ${classes.length} classes, pca ${p}, out ${k}; top ev ${Array.from(
      eb.values.slice(0, 5)
    )
      .map((v) => v.toFixed(3))
      .join(" ")}`
  )
  return { matrix, rows: k, cols: d }
}

const r5 = (v: number) => Number(v.toPrecision(5))

export interface TrainConfig {
  /** variants per photo from shopper-photo.ts (one new backdrop) */
  aug: number
  /** variants per photo from train-augment.ts (mixed backdrops, pictures, covers, light) */
  hard: number
  /** linear article-type head (PCA-whitened LDA); null = none */
  type: LdaOpts | null
  typeWeight?: number
  /** non-linear article-type head: an MLP classifier, embedded by its logits (or hidden layer) */
  mlp?: {
    opts: MlpOpts
    weight: number
    centre: boolean
    embed?: "hidden" | "logits"
    ensemble?: number
  } | null
  colour: LdaOpts
  colourWeight: number
}

export const DEFAULT_MLP: MlpOpts = {
  hidden: 256,
  epochs: 30,
  batch: 64,
  lr: 1e-3,
  wd: 1e-4,
  inDrop: 0.1,
  hidDrop: 0,
  labelSmooth: 0.1,
  balance: 0.5,
  seed: TRAIN_SEED,
}

// chosen with tune-classic.ts (validation inside the catalog part)
export const DEFAULT_CONFIG: TrainConfig = {
  aug: 6,
  hard: 0,
  type: {
    pcaDims: 300,
    pcaReg: 0.05,
    swReg: 0.1,
    outDims: 60,
    minPerClass: 4,
    evPower: 0,
  },
  typeWeight: 0.5,
  mlp: {
    weight: 1,
    centre: true,
    embed: "logits",
    ensemble: 3,
    opts: { ...DEFAULT_MLP, epochs: 20, wd: 0.05 },
  },
  colour: {
    pcaDims: 100,
    pcaReg: 0.05,
    swReg: 0.02,
    outDims: 20,
    minPerClass: 4,
    evPower: 0,
  },
  colourWeight: 0.5,
}

export function catalogJobs(catalog: { id: string }[]): Job[] {
  return catalog.map((r) => ({ file: imagePath(r.id) }))
}

export async function loadTrainingSet(aug: number, hard = 0) {
  const { catalog } = bySplit(loadStyles())
  // clean photos: same job list (and cache) as the offline evaluation's catalogue
  let raw = await describeMany(catalogJobs(catalog), "catalog-clean")
  let rows = catalog.slice()
  for (let a = 0; a < aug; a++) {
    const jobs = catalog.map((r) => ({
      file: imagePath(r.id),
      shopperSeed: (idHash(r.id) ^ (TRAIN_SEED + a * 7919)) >>> 0,
    }))
    raw = raw.concat(await describeMany(jobs, `catalog-aug${a}`))
    rows = rows.concat(catalog)
  }
  for (let a = 0; a < hard; a++) {
    // another catalogue photo that may lie over this one: a fixed stride away
    const stride = 97 + 31 * a
    const jobs = catalog.map((r, i) => ({
      file: imagePath(r.id),
      shopperSeed: (idHash(r.id) ^ (HARD_SEED + a * 104729)) >>> 0,
      hardOther: imagePath(catalog[(i + stride) % catalog.length].id),
    }))
    raw = raw.concat(await describeMany(jobs, `catalog-hard${a}`))
    rows = rows.concat(catalog)
  }
  return { raw, rows }
}

/** Per-dimension mean and spread of the training descriptors, and the descriptors standardised by them. */
function standardise(raw: Float32Array[]) {
  const d = RAW_DIM
  const mean = new Float64Array(d),
    sd = new Float64Array(d)
  for (const v of raw) for (let i = 0; i < d; i++) mean[i] += v[i] / raw.length
  for (const v of raw)
    for (let i = 0; i < d; i++) sd[i] += (v[i] - mean[i]) ** 2 / raw.length
  for (let i = 0; i < d; i++) sd[i] = Math.sqrt(sd[i]) + 1e-3
  const Z = raw.map((v) =>
    Float64Array.from(v, (x, i) => (x - mean[i]) / sd[i])
  )
  return { mean, sd, Z }
}

/** The perceptron of ensemble member `i` (seed opts.seed + i) on the standardised training set. */
const trainMember = (
  Zf: Float32Array[],
  rows: { articleType: string }[],
  opts: MlpOpts,
  i: number
) =>
  trainMlp(
    Zf,
    rows.map((r) => r.articleType),
    { ...opts, seed: opts.seed + i }
  )

/**
 * The ensemble's perceptrons trained side by side, one worker thread each
 * (at most one per core); each worker reads the training set from the
 * descriptor cache. Same seeds, same models as training them one by one.
 */
async function trainMembers(
  aug: number,
  hard: number,
  opts: MlpOpts,
  k: number
): Promise<MlpModel[]> {
  const models: MlpModel[] = new Array(k)
  let next = 0
  const run = async (): Promise<void> => {
    const i = next++
    if (i >= k) return
    models[i] = await new Promise<MlpModel>((resolve, reject) => {
      const w = new Worker(workerBoot(__filename), {
        eval: true,
        workerData: { member: { aug, hard, opts, i } },
      })
      w.once("message", resolve)
      w.once("error", reject)
      w.once(
        "exit",
        (code) =>
          code !== 0 &&
          reject(new Error(`ensemble member ${i}: worker exit ${code}`))
      )
    })
    return run()
  }
  await Promise.all(Array.from({ length: Math.min(k, os.cpus().length) }, run))
  return models
}

if (!isMainThread && workerData?.member) {
  const { aug, hard, opts, i } = workerData.member as {
    aug: number
    hard: number
    opts: MlpOpts
    i: number
  }
  loadTrainingSet(aug, hard).then(({ raw, rows }) => {
    const Zf = standardise(raw).Z.map((z) => Float32Array.from(z))
    parentPort!.postMessage(trainMember(Zf, rows, opts, i))
  })
}

/** `members`: the ensemble's perceptrons when already trained (trainMembers); otherwise trained here, one after another. */
export function fitParams(
  raw: Float32Array[],
  rows: { articleType: string; baseColour: string }[],
  cfg: TrainConfig,
  members?: MlpModel[]
): ClassicParams {
  const d = RAW_DIM
  const { mean, sd, Z } = standardise(raw)
  const heads: ClassicHead[] = []
  if (cfg.type) {
    const t = trainLda(
      Z,
      rows.map((r) => r.articleType),
      cfg.type
    )
    heads.push({
      name: "type",
      weight: cfg.typeWeight ?? 1,
      input: [0, d],
      rows: t.rows,
      matrix: Array.from(t.matrix, r5),
    })
  }
  if (cfg.mlp) {
    const Zf = Z.map((z) => Float32Array.from(z))
    const k = cfg.mlp.ensemble ?? 1
    if (k > 1 && cfg.mlp.embed !== "logits")
      throw new Error(
        "an ensemble of perceptrons is embedded by its mean logits only"
      )
    const models =
      members ??
      Array.from({ length: k }, (_, i) =>
        trainMember(Zf, rows, cfg.mlp!.opts, i)
      )
    // the ensemble is one wider network: the hidden layers side by side, the logits averaged
    const H = models[0].hidden,
      C = models[0].classes.length
    const W1 = models.flatMap((m) => Array.from(m.W1, r5)),
      b1 = models.flatMap((m) => Array.from(m.b1, r5))
    const layers: ClassicLayer[] = [
      { rows: k * H, matrix: W1, bias: b1, relu: true },
    ]
    if (cfg.mlp.embed === "logits") {
      const W2: number[] = []
      for (let c = 0; c < C; c++)
        for (const m of models)
          for (let h = 0; h < H; h++) W2.push(r5(m.W2[c * H + h] / k))
      const b2 = Array.from({ length: C }, (_, c) =>
        r5(models.reduce((a, m) => a + m.b2[c], 0) / k)
      )
      layers.push({ rows: C, matrix: W2, bias: b2 })
    }
    const rowsOut = layers[layers.length - 1].rows
    let centre: number[] | undefined
    if (cfg.mlp.centre) {
      // mean head output over the training samples (as the rounded weights compute it)
      const head: ClassicHead = {
        name: "c",
        weight: 1,
        input: [0, d],
        rows: rowsOut,
        layers,
      }
      const probe = new ClassicEmbedder({
        cnn: null,
        params: {
          version: 2,
          rawDim: d,
          mean: new Array(d).fill(0),
          scale: new Array(d).fill(1),
          heads: [head],
        },
      })
      const c = new Float64Array(rowsOut)
      for (const z of Zf) {
        const h = probe.headOutput(0, z)
        for (let j = 0; j < rowsOut; j++) c[j] += h[j] / Zf.length
      }
      centre = Array.from(c, r5)
    }
    heads.push({
      name: "type-mlp",
      weight: cfg.mlp.weight,
      input: [0, d],
      rows: rowsOut,
      layers,
      centre,
    })
  }
  const [cs, ce] = [BLOCK_RANGES.colourHist[0], BLOCK_RANGES.colourStats[1]]
  const colourLabels = rows.map((r) =>
    r.baseColour === "Multi" || r.baseColour === "NA" ? "" : r.baseColour
  )
  const Zc = Z.map((z) => z.slice(cs, ce))
  const keep = colourLabels.map((l) => l !== "")
  const c = trainLda(
    Zc.filter((_, i) => keep[i]),
    colourLabels.filter((_, i) => keep[i]),
    cfg.colour
  )
  heads.push({
    name: "colour",
    weight: cfg.colourWeight,
    input: [cs, ce],
    rows: c.rows,
    matrix: Array.from(c.matrix, r5),
  })
  return {
    version: 2,
    rawDim: d,
    mean: Array.from(mean, r5),
    scale: Array.from(sd, r5),
    heads,
    trainedOn: `fashion-products catalog split (${raw.length} samples incl. ${cfg.aug} shopper-photo and ${cfg.hard} train-augment variants each); heads ${heads.map((h) => `${h.name}×${h.weight}`).join(", ")}${cfg.mlp?.ensemble ? `; type-mlp = mean of ${cfg.mlp.ensemble} perceptrons` : ""}`,
  }
}

if (require.main === module) {
  ;(async () => {
    const cfg = {
      ...DEFAULT_CONFIG,
      aug: arg("aug", DEFAULT_CONFIG.aug),
      hard: arg("hard", DEFAULT_CONFIG.hard),
      mlp: DEFAULT_CONFIG.mlp && {
        ...DEFAULT_CONFIG.mlp,
        ensemble: arg("ensemble", DEFAULT_CONFIG.mlp.ensemble ?? 1),
      },
    }
    const t0 = Date.now()
    const { raw, rows } = await loadTrainingSet(cfg.aug, cfg.hard)
    console.error(
      `descriptors: ${raw.length} in ${((Date.now() - t0) / 1000).toFixed(0)} s`
    )
    const members =
      cfg.mlp && (cfg.mlp.ensemble ?? 1) > 1
        ? await trainMembers(cfg.aug, cfg.hard, cfg.mlp.opts, cfg.mlp.ensemble!)
        : undefined
    const params = fitParams(raw, rows, cfg, members)
    const file = path.join(
      __dirname,
      "../../backend/src/modules/visual-search/embedders/classic-params.json"
    )
    fs.writeFileSync(file, JSON.stringify(params))
    console.error(
      `wrote ${file} (${(fs.statSync(file).size / 1e6).toFixed(2)} MB), dims ${params.heads.map((h) => `${h.name}=${h.rows}`).join(" ")}`
    )
  })().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
