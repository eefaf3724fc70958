/**
 * Does the classic embedder's ranking hold on a catalogue it never saw?
 *
 *   cd tools && npx ts-node --transpile-only visual-search/unseen-catalogue.ts [--seeds 1,2,3]
 *
 * The projection is trained on the "catalog" split (split.ts), and the API
 * evaluation builds its catalogue from that split too: only the queries are
 * unseen. A store's own photos would be unseen as well. So the "query" split
 * (never trained on) is halved per seed: one half is the catalogue (clean
 * photos), shopper photos of the other half are the queries. The same queries
 * are then run against an equally large catalogue drawn from the trained
 * split. The gap between the two is what training on the catalogue's own
 * photos is worth. Prints precision@5 by similarity, then with the store's
 * ordering (category-consensus), and "right kind in the first ten".
 */
import { loadStyles, bySplit, imagePath, type StyleRow } from "./data"
import { describeMany } from "./describe-pool"
import { idHash } from "./split"
import { ClassicEmbedder } from "../../backend/src/modules/visual-search/embedders/classic"
import { score } from "./offline-eval"

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : def
}

async function main() {
  const emb = new ClassicEmbedder({})
  const { catalog, query } = bySplit(loadStyles())
  const order = (rows: StyleRow[], salt: string) =>
    rows.slice().sort((a, b) => idHash(a.id + salt) - idHash(b.id + salt))
  for (const seed of arg("seeds", "1,2,3").split(",").map(Number)) {
    const shuffled = order(query, `:q${seed}`)
    const half = Math.floor(shuffled.length / 2)
    const unseen = shuffled.slice(0, half)
    const qRows = shuffled.slice(half, half + 600)
    const seen = order(catalog, `:c${seed}`).slice(0, half)
    const q = (
      await describeMany(
        qRows.map((r) => ({
          file: imagePath(r.id),
          shopperSeed: (idHash(r.id) ^ seed) >>> 0,
        })),
        `unseen-q${seed}`
      )
    ).map((v) => emb.project(v))
    for (const [name, rows] of [
      ["unseen", unseen],
      ["trained-on", seen],
    ] as const) {
      const cat = (
        await describeMany(
          rows.map((r) => ({ file: imagePath(r.id) })),
          `unseen-${name}${seed}`
        )
      ).map((v) => emb.project(v))
      const s = score(cat, rows, q, qRows)
      const r = score(cat, rows, q, qRows, { rerank: true, kind: emb.kind })
      console.log(
        `seed ${seed} ${name.padEnd(10)} catalogue ${rows.length}, ${q.length} queries: precision@5 ${s.p5.toFixed(3)} → ${r.p5.toFixed(3)} with the store's ordering, right kind in 10 ${r.anyRight10.toFixed(3)}`
      )
    }
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
