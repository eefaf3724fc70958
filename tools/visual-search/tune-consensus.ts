/**
 * Sweeps the category-consensus settings (lib/visual-search/category-consensus.ts)
 * for the shipped classic embedder, offline: catalogue = the catalog part,
 * queries = shopper photos of the query part drawn with the given seeds.
 *
 *   cd tools && npx ts-node --transpile-only visual-search/tune-consensus.ts --seeds 7,99
 *
 * Choose on seeds other than the one offline-eval.ts reports (1234), then
 * check that one once.
 */
import { loadStyles, bySplit, imagePath, type StyleRow } from "./data"
import { describeMany } from "./describe-pool"
import { queryJobs, score } from "./offline-eval"
import { ClassicEmbedder } from "../../backend/src/modules/visual-search/embedders/classic"
import { CONSENSUS } from "../../backend/src/lib/visual-search/category-consensus"

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : def
}

async function main() {
  const seeds = arg("seeds", "7,99").split(",").map(Number)
  const emb = new ClassicEmbedder()
  const { catalog, query } = bySplit(loadStyles())
  const cat = (
    await describeMany(
      catalog.map((r) => ({ file: imagePath(r.id) })),
      "catalog-clean"
    )
  ).map((v) => emb.project(v))
  const draws: { rows: StyleRow[]; emb: Float32Array[] }[] = []
  for (const seed of seeds) {
    const q = queryJobs(query, 600, seed)
    draws.push({
      rows: q.rows,
      emb: (await describeMany(q.jobs, `queries-s${seed}`)).map((v) =>
        emb.project(v)
      ),
    })
  }
  const base = { ...CONSENSUS }
  const grid: Partial<typeof CONSENSUS>[] = []
  for (const temperature of [0.02, 0.035, 0.05, 0.08, 0.12])
    for (const voters of [15, 30, 50])
      for (const weight of [0.5, 1, 2])
        grid.push({ temperature, voters, weight })
  const rows: [string, number, number][] = []
  for (const g of grid) {
    Object.assign(CONSENSUS, base, g)
    let p5 = 0,
      any10 = 0
    for (const d of draws) {
      const s = score(cat, catalog, d.emb, d.rows, {
        rerank: true,
        kind: emb.kind,
      })
      p5 += s.p5 / draws.length
      any10 += s.anyRight10 / draws.length
    }
    rows.push([JSON.stringify(g), p5, any10])
  }
  Object.assign(CONSENSUS, base)
  rows.sort((a, b) => b[1] - a[1])
  console.log(`current ${JSON.stringify(base)}`)
  for (const [g, p5, any10] of rows.slice(0, 12))
    console.log(
      `${g.padEnd(50)} p@5=${p5.toFixed(3)} any@10=${any10.toFixed(3)}`
    )
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
