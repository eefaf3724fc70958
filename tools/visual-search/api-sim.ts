/**
 * Offline stand-in for `npm run eval:visual`'s precision@5 and purchasable@10:
 * the same catalogue size (every n-th product of the catalog part), the same
 * seeded prices, sizes and stock (lib/catalog.ts planProduct), the same random
 * size/budget/region constraints, and the store's own result order
 * (ResultOrder) walked past what the shopper cannot buy. It needs no running
 * store, so ordering ideas can be compared in seconds; the HTTP evaluation
 * stays the measure that is reported.
 *
 *   cd tools && npx ts-node --transpile-only visual-search/api-sim.ts [--catalog 1500] [--seeds 7,99]
 */
import { loadStyles, bySplit, imagePath, type StyleRow } from "./data"
import { describeMany } from "./describe-pool"
import { queryJobs } from "./offline-eval"
import { mulberry32 } from "../../backend/test-fixtures/shopper-photo"
import { ClassicEmbedder } from "../../backend/src/modules/visual-search/embedders/classic"
import { cosineIn } from "../../backend/src/modules/visual-search/embedders/types"
import { ResultOrder } from "../../backend/src/lib/visual-search/category-consensus"
import { planProduct, sizesFor } from "../../backend/src/lib/catalog"

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : def
}
const spread = <T>(xs: T[], n: number) =>
  n >= xs.length
    ? xs
    : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)])

type Constraints = {
  region: "eu" | "us"
  size?: string
  min_price?: number
  max_price?: number
}

/** The eval's constraint draw (bench/eval-visual.mjs). */
export function drawConstraints(
  row: StyleRow,
  rand: () => number
): Constraints {
  const c: Constraints = { region: rand() < 0.5 ? "eu" : "us" }
  if (rand() < 0.5) {
    const s = sizesFor(row)
    c.size = s[Math.floor(rand() * s.length)]
  }
  if (rand() < 0.5) c.max_price = Math.round(30 + rand() * 90)
  if (rand() < 0.2) c.min_price = Math.round(5 + rand() * 20)
  if (c.min_price != null && c.max_price != null && c.min_price > c.max_price)
    delete c.min_price
  return c
}

export function buyable(row: StyleRow, c: Constraints): boolean {
  const p = planProduct(row)
  return p.variants.some((v) => {
    const price = c.region === "eu" ? v.prices.eur : v.prices.usd
    return (
      v.stock[c.region] > 0 &&
      (!c.size || v.size.toLowerCase() === c.size.toLowerCase()) &&
      (c.min_price == null || price >= c.min_price) &&
      (c.max_price == null || price <= c.max_price)
    )
  })
}

export type SimResult = {
  p5: number
  purch10: number
  ceiling5: number
  n: number
}

/**
 * Walks the store's result order (ResultOrder, voting in `kindDims` when given)
 * past what cannot be bought. Category keys are gender/article type, as the
 * seed files products (Men > Apparel > Tshirts).
 */
export function simulate(
  cat: Float32Array[],
  catRows: StyleRow[],
  qEmb: Float32Array[],
  qRows: StyleRow[],
  seed: number,
  kindDims?: [number, number]
): SimResult {
  const rand = mulberry32(seed)
  const keys = new Map(
    catRows.map((r, i) => [String(i), [`${r.gender}/${r.articleType}`]])
  )
  const dim = cat[0].length
  let p5 = 0,
    purch10 = 0,
    ceiling5 = 0
  qEmb.forEach((q, qi) => {
    const row = qRows[qi]
    const c = drawConstraints(row, rand)
    const sims: [string, number][] = cat.map((v, i) => {
      let s = 0
      for (let j = 0; j < dim; j++) s += v[j] * q[j]
      return [String(i), s]
    })
    sims.sort((a, b) => b[1] - a[1])
    const near = sims.slice(0, 480)
    const kind =
      kindDims &&
      new Map(near.map(([id]) => [id, cosineIn(cat[Number(id)], q, kindDims)]))
    const order = ResultOrder.fromKeys(near, keys, kind)
    const shown: number[] = []
    for (
      let id = order.next();
      id !== undefined && shown.length < 10;
      id = order.next()
    ) {
      if (!buyable(catRows[Number(id)], c)) continue
      order.shown(id)
      shown.push(Number(id))
    }
    const right = (i: number) => catRows[i].articleType === row.articleType
    p5 += shown.slice(0, 5).filter(right).length / 5
    if (shown.slice(0, 10).some(right)) purch10++
    const available = catRows.filter(
      (r) => r.articleType === row.articleType && buyable(r, c)
    ).length
    ceiling5 += Math.min(5, available) / 5
  })
  return {
    p5: p5 / qEmb.length,
    purch10: purch10 / qEmb.length,
    ceiling5: ceiling5 / qEmb.length,
    n: qEmb.length,
  }
}

async function main() {
  const n = Number(arg("catalog", "1500"))
  const seeds = arg("seeds", "7,99").split(",").map(Number)
  const emb = new ClassicEmbedder()
  const { catalog, query } = bySplit(loadStyles())
  const all = (
    await describeMany(
      catalog.map((r) => ({ file: imagePath(r.id) })),
      "catalog-clean"
    )
  ).map((v) => emb.project(v))
  const idx = spread(
    catalog.map((_, i) => i),
    n
  )
  const cat = idx.map((i) => all[i])
  const catRows = idx.map((i) => catalog[i])
  for (const seed of seeds) {
    const q = queryJobs(query, 600, seed)
    const qEmb = (await describeMany(q.jobs, `queries-s${seed}`)).map((v) =>
      emb.project(v)
    )
    const r = simulate(cat, catRows, qEmb, q.rows, seed, emb.kind)
    console.log(
      `seed ${seed}: catalogue ${cat.length}, ${r.n} queries: p@5 ${r.p5.toFixed(3)} purchasable@10 ${r.purch10.toFixed(3)} (p@5 ceiling ${r.ceiling5.toFixed(3)})`
    )
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
