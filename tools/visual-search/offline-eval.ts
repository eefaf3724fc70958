/**
 * Offline retrieval evaluation of the classic embedder.
 *
 *   cd tools && npx ts-node --transpile-only visual-search/offline-eval.ts [--queries 600] [--seed 1234]
 *
 * Catalogue = catalog part of the split (clean photos); queries = shopper
 * photos (shopper-photo.ts, fixed seed) made from N query-part photos.
 * Retrieves top-5 by cosine and prints precision@5 (same articleType),
 * colour@5 (same baseColour) and the embedding time per image.
 */
import fs from "fs"
import { loadStyles, bySplit, imagePath, StyleRow } from "./data"
import { describeMany } from "./describe-pool"
import { idHash } from "./split"
import {
  shopperPhoto,
  mulberry32,
} from "../../backend/test-fixtures/shopper-photo"
import {
  ClassicEmbedder,
  ClassicParams,
} from "../../backend/src/modules/visual-search/embedders/classic"
import { cosineIn } from "../../backend/src/modules/visual-search/embedders/types"
import {
  ResultOrder,
  CONSENSUS,
} from "../../backend/src/lib/visual-search/category-consensus"

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : def
}

export const QUERY_SEED = 1234

export function queryJobs(query: StyleRow[], n: number, seed = QUERY_SEED) {
  // a fixed, spread-out subset of the query part
  const picked = query
    .slice()
    .sort((a, b) => idHash(a.id + ":" + seed) - idHash(b.id + ":" + seed))
    .slice(0, n)
  return {
    rows: picked,
    jobs: picked.map((r) => ({
      file: imagePath(r.id),
      shopperSeed: (idHash(r.id) ^ seed) >>> 0,
    })),
  }
}

export interface Scores {
  p5: number
  c5: number
  p1: number
  anyRight10: number
  n: number
  /** the queries with no item of their type in the first ten: their type, and the types shown */
  misses: { type: string; shown: string[] }[]
}

/**
 * Top-5 metrics of cosine retrieval, optionally ordered the way the store
 * does it (category-consensus.ts, ResultOrder). The article type stands in for
 * the category the seed files each product under.
 */
export function score(
  catEmb: Float32Array[],
  catRows: StyleRow[],
  qEmb: Float32Array[],
  qRows: StyleRow[],
  {
    k = 5,
    rerank = false,
    kind,
    categoryOf = (r: StyleRow) => r.articleType,
  }: {
    k?: number
    rerank?: boolean
    kind?: [number, number]
    /** the category a catalogue product is filed under for the vote (default: its article type) */
    categoryOf?: (r: StyleRow) => string
  } = {}
): Scores {
  let p = 0,
    c = 0,
    p1 = 0,
    anyRight10 = 0
  const misses: { type: string; shown: string[] }[] = []
  const dim = catEmb[0].length
  const flat = new Float32Array(catEmb.length * dim)
  catEmb.forEach((v, i) => flat.set(v, i * dim))
  const sims = new Float32Array(catEmb.length)
  const keys = new Map(catRows.map((r, i) => [String(i), [categoryOf(r)]]))
  qEmb.forEach((q, qi) => {
    for (let i = 0; i < catEmb.length; i++) {
      let s = 0
      const o = i * dim
      for (let j = 0; j < dim; j++) s += flat[o + j] * q[j]
      sims[i] = s
    }
    const bySimilarity: [string, number][] = []
    for (let t = 0; t < Math.min(CONSENSUS.window, sims.length); t++) {
      let best = -1,
        bs = -Infinity
      for (let i = 0; i < sims.length; i++)
        if (sims[i] > bs) {
          bs = sims[i]
          best = i
        }
      bySimilarity.push([String(best), bs])
      sims[best] = -Infinity
    }
    let order = bySimilarity.map(([i]) => Number(i))
    if (rerank) {
      // the store's own ordering policy, every candidate purchasable
      const kindSim =
        kind &&
        new Map(
          bySimilarity.map(([i]) => [i, cosineIn(catEmb[Number(i)], q, kind)])
        )
      const o = ResultOrder.fromKeys(bySimilarity, keys, kindSim)
      order = []
      for (
        let id = o.next();
        id !== undefined && order.length < 10;
        id = o.next()
      ) {
        o.shown(id)
        order.push(Number(id))
      }
    }
    if (
      order
        .slice(0, 10)
        .some((i) => catRows[i].articleType === qRows[qi].articleType)
    )
      anyRight10++
    else
      misses.push({
        type: qRows[qi].articleType,
        shown: order.slice(0, 10).map((i) => catRows[i].articleType),
      })
    order.slice(0, k).forEach((i, rank) => {
      if (catRows[i].articleType === qRows[qi].articleType) {
        p++
        if (rank === 0) p1++
      }
      if (catRows[i].baseColour === qRows[qi].baseColour) c++
    })
  })
  return {
    p5: p / (qEmb.length * k),
    c5: c / (qEmb.length * k),
    p1: p1 / qEmb.length,
    anyRight10: anyRight10 / qEmb.length,
    n: qEmb.length,
    misses,
  }
}

async function main() {
  const nq = Number(arg("queries", "600"))
  const seed = Number(arg("seed", String(QUERY_SEED)))
  const paramsFile = arg("params", "")
  const params: ClassicParams | undefined = paramsFile
    ? JSON.parse(fs.readFileSync(paramsFile, "utf8"))
    : undefined
  const emb = new ClassicEmbedder({ params, cnn: null })
  const { catalog, query } = bySplit(loadStyles())
  const catRaw = await describeMany(
    catalog.map((r) => ({ file: imagePath(r.id) })),
    "catalog-clean"
  )
  const q = queryJobs(query, nq, seed)
  const qRaw = await describeMany(q.jobs, `queries-s${seed}`)
  const catEmb = catRaw.map((v) => emb.project(v))
  const qEmb = qRaw.map((v) => emb.project(v))
  const s = score(catEmb, catalog, qEmb, q.rows)
  const r = score(catEmb, catalog, qEmb, q.rows, {
    rerank: true,
    kind: emb.kind,
  })

  // embedding speed: the full embedImages path on shopper photos, one image at a time, this thread
  const sample = q.jobs.slice(0, 120)
  const photos = await Promise.all(
    sample.map(async (j) =>
      shopperPhoto(fs.readFileSync(j.file), mulberry32(j.shopperSeed!))
    )
  )
  await emb.embedImages(photos.slice(0, 20)) // JIT warm-up (a server is long-running)
  const times: number[] = []
  for (const ph of photos.slice(20)) {
    const t = process.hrtime.bigint()
    await emb.embedImages([ph])
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  times.sort((a, b) => a - b)
  const mean = times.reduce((a, b) => a + b, 0) / times.length
  console.log(
    `embedder ${emb.id} dims=${emb.dimensions} catalogue=${catalog.length} queries=${s.n} (seed ${seed})`
  )
  console.log(
    `precision@5 (articleType) = ${s.p5.toFixed(3)}   top-1 = ${s.p1.toFixed(3)}   any right type in top 10 = ${s.anyRight10.toFixed(3)}`
  )
  console.log(
    `  with category consensus: precision@5 = ${r.p5.toFixed(3)}   top-1 = ${r.p1.toFixed(3)}   any right type in top 10 = ${r.anyRight10.toFixed(3)}`
  )
  console.log(`colour@5 (baseColour)      = ${s.c5.toFixed(3)}`)
  console.log(
    `ms/image (embedImages, 1 thread) mean=${mean.toFixed(1)} p95=${times[Math.floor(times.length * 0.95)].toFixed(1)}`
  )
}

if (require.main === module)
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
