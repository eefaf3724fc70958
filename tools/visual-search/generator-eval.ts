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
 * as the store embeds a shopper's photo (embedPhotos; `--views full,c80`
 * tries other views, `--views full` the whole photo alone). Prints
 * precision@5 (article type), "an item of the right type in the first ten"
 * and the mean describe time per query photo on this thread.
 */
import fs from "fs"
import sharp from "sharp"
import { l2normalize } from "../../backend/src/modules/visual-search/embedders/types"
import { loadStyles, bySplit, imagePath } from "./data"
import { score } from "./offline-eval"
import {
  GENERATORS,
  mulberry32,
} from "../../backend/test-fixtures/shopper-photos"
import { ClassicEmbedder } from "../../backend/src/modules/visual-search/embedders/classic"

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : def
}
const spread = <T>(xs: T[], n: number) =>
  n >= xs.length
    ? xs
    : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)])

async function embedViews(
  emb: ClassicEmbedder,
  photos: Buffer[],
  views: string[]
): Promise<Float32Array[]> {
  const out: Float32Array[] = []
  for (const p of photos) {
    const meta = await sharp(p).metadata()
    const W = meta.width!,
      H = meta.height!
    const bufs = await Promise.all(
      views.map((v) => {
        if (v === "full") return p
        const f = Number(v.slice(1)) / 100
        const w = Math.round(W * f),
          h = Math.round(H * f)
        return sharp(p)
          .extract({
            left: Math.round((W - w) / 2),
            top: Math.round((H - h) / 2),
            width: w,
            height: h,
          })
          .jpeg({ quality: 92 })
          .toBuffer()
      })
    )
    const es = await emb.embedImages(bufs)
    const m = new Float32Array(es[0].length)
    for (const e of es) for (let i = 0; i < m.length; i++) m[i] += e[i]
    out.push(l2normalize(m))
  }
  return out
}

async function main() {
  const nc = Number(arg("catalog", "1000"))
  const nq = Number(arg("queries", "60"))
  const gens = arg("generators", Object.keys(GENERATORS).join(",")).split(",")
  // query views fused by their mean embedding: "full" or "cNN" (the central NN % of the photo);
  // "photo" (default) = the embedder's own photo path (embedPhotos), as the store runs it
  const views = arg("views", "photo").split(",")
  const emb = new ClassicEmbedder()
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
    const qe =
      views[0] === "photo"
        ? await emb.embedPhotos(photos)
        : await embedViews(emb, photos, views)
    const ms = (performance.now() - t0) / photos.length
    const s = score(catEmb, cat, qe, qs, { rerank: true, kind: emb.kind })
    console.log(
      `${g.padEnd(9)}  ${s.p5.toFixed(3).padEnd(11)}  ${s.anyRight10.toFixed(3).padEnd(16)}  ${ms.toFixed(0)}`
    )
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
