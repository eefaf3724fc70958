/**
 * Offline retrieval of the classic embedder per shopper-photo generator: a
 * quick stand-in for `npm run eval:visual` while iterating (no store, no
 * constraints; the store's ordering policy over the article types).
 *
 *   cd tools && npx ts-node --transpile-only visual-search/generator-eval.ts [--catalog 1000] [--queries 60]
 *        [--generators uniform,mixed,framed,occluded,lighting]
 *
 * Catalogue = an even spread of the catalog part of the split (clean photos);
 * queries = an even spread of the query part, each turned into a shopper
 * photo by every generator (backend/test-fixtures/shopper-photos), embedded
 * as the store embeds a shopper's photo (embedPhotos; `--views 1,0.8`
 * tries other views, `--views 1` the whole photo alone, `--cutout 0` leaves
 * out the GrabCut cut-out). Prints
 * precision@5 (article type), "an item of the right type in the first ten"
 * and the mean describe time per query photo on this thread.
 * `--cnn none` leaves out the network block (garment-cnn.ts), `--cnn DIR`
 * takes it from another model folder (`--cnn-weight W`, default 1).
 * The category vote keys on the article type, as the store's vote keys on
 * category names (category-consensus.ts); `--categories path` keys it on the
 * whole path the demo store files under (gender → master category → article
 * type), as the store's vote did when it keyed on category ids.
 * `--misses 1` lists the queries without an item of their type in the first
 * ten: their type and the types they got.
 */
import fs from "fs"
import { loadStyles, bySplit, imagePath, type StyleRow } from "./data"
import { score } from "./offline-eval"
import {
  GENERATORS,
  mulberry32,
} from "../../backend/test-fixtures/shopper-photos"
import {
  ClassicEmbedder,
  PHOTO_VIEWS,
  cnnBlockAt,
  type CnnBlock,
} from "../../backend/src/modules/visual-search/embedders/classic"

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : def
}
const spread = <T>(xs: T[], n: number) =>
  n >= xs.length
    ? xs
    : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)])

async function main() {
  const nc = Number(arg("catalog", "1000"))
  const nq = Number(arg("queries", "60"))
  const gens = arg("generators", Object.keys(GENERATORS).join(",")).split(",")
  // query views fused by their mean embedding, as side fractions ("1,0.8,0.6": the whole photo and its
  // central 80 % and 60 %); default: the embedder's own PHOTO_VIEWS, as the store runs it
  const views = arg("views", PHOTO_VIEWS.join(",")).split(",").map(Number)
  // --cutout 0: without the GrabCut cut-out the store adds to the views
  const cutOut = arg("cutout", "1") !== "0"
  // default: the shipped network; "none": the descriptor alone; a folder: that model
  const cnnDir = arg("cnn", "")
  let cnn: CnnBlock | null | undefined = cnnDir === "none" ? null : undefined
  if (cnnDir && cnnDir !== "none") {
    // the folder's training names the printed id (classic:v(6 + generation))
    cnn = cnnBlockAt(cnnDir, Number(arg("cnn-weight", "1")))
    console.log(`network block: ${cnnDir}, weight ${cnn.weight}`)
  }
  const emb = new ClassicEmbedder({ cnn })
  const { catalog, query } = bySplit(loadStyles())
  const cat = spread(catalog, nc)
  const qs = spread(query, nq)
  const catEmb = await emb.embedImages(
    cat.map((r) => fs.readFileSync(imagePath(r.id)))
  )
  console.log(
    `embedder ${emb.id}: ${cat.length} catalogue photos, ${qs.length} queries per generator`
  )
  console.log("generator  precision@5  right type in 10  ms/photo")
  for (const g of gens) {
    const photos = await Promise.all(
      qs.map((r, i) =>
        GENERATORS[g](
          fs.readFileSync(imagePath(r.id)),
          mulberry32(i * 31 + 7),
          fs.readFileSync(imagePath(qs[(i + 1) % qs.length].id))
        )
      )
    )
    const t0 = performance.now()
    const qe = await emb.embedPhotos(photos, views, cutOut)
    const ms = (performance.now() - t0) / photos.length
    // --categories path: keyed on the demo store's whole category path (gender → master category → article type)
    const s = score(catEmb, cat, qe, qs, {
      rerank: true,
      kind: emb.kind,
      ...(arg("categories", "type") === "path"
        ? {
            categoryOf: (r: StyleRow) =>
              `${r.gender}/${r.masterCategory}/${r.articleType}`,
          }
        : {}),
    })
    console.log(
      `${g.padEnd(9)}  ${s.p5.toFixed(3).padEnd(11)}  ${s.anyRight10.toFixed(3).padEnd(16)}  ${ms.toFixed(0)}`
    )
    // --misses 1: what the queries without their type in the first ten were, and what they got
    if (arg("misses", "0") !== "0")
      for (const m of s.misses) {
        const shown = new Map<string, number>()
        for (const t of m.shown) shown.set(t, (shown.get(t) ?? 0) + 1)
        console.log(
          `    miss: ${m.type} → ${[...shown].map(([t, n]) => `${t}×${n}`).join(", ")}`
        )
      }
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
