/**
 * Training data for the small convolutional network (train.py): every photo
 * of the catalog part of the split, clean and as `--variants` hard variants
 * of our own (train-augment.ts, never the evaluation's generators), resized
 * to `--size` px squares, written as raw RGB bytes plus a JSON index.
 *
 *   cd tools && npx ts-node --transpile-only visual-search/cnn/render-data.ts --out /tmp/cnn-data \
 *        [--variants 7] [--size 96] [--shard 0/2]
 */
import fs from "fs"
import path from "path"
import sharp from "sharp"
import { loadStyles, bySplit, imagePath } from "../data"
import { hardPhoto } from "../train-augment"
import { mulberry32 } from "../../../backend/test-fixtures/shopper-photos"
import { idHash } from "../split"

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : def
}

async function main() {
  const out = arg("out", "/tmp/cnn-data")
  const variants = Number(arg("variants", "7"))
  const size = Number(arg("size", "96"))
  const [shard, shards] = arg("shard", "0/1").split("/").map(Number)
  fs.mkdirSync(out, { recursive: true })
  const { catalog } = bySplit(loadStyles())
  const mine = catalog.filter((_, i) => i % shards === shard)
  const bin = fs.openSync(path.join(out, `shard-${shard}.bin`), "w")
  const index: { id: string; type: string; colour: string; hard: boolean }[] =
    []
  const square = (b: Buffer) =>
    sharp(b).removeAlpha().resize(size, size, { fit: "fill" }).raw().toBuffer()
  const t0 = Date.now()
  for (let n = 0; n < mine.length; n++) {
    const row = mine[n]
    const jpeg = fs.readFileSync(imagePath(row.id))
    const other = fs.readFileSync(
      imagePath(catalog[idHash(row.id + "o") % catalog.length].id)
    )
    const r = mulberry32(idHash(`cnn:${row.id}`))
    const label = {
      id: row.id,
      type: row.articleType,
      colour: row.baseColour,
    }
    fs.writeSync(bin, await square(jpeg))
    index.push({ ...label, hard: false })
    for (let v = 0; v < variants; v++) {
      fs.writeSync(bin, await square(await hardPhoto(jpeg, r, other)))
      index.push({ ...label, hard: true })
    }
    if (n % 200 === 0)
      console.log(
        `${n}/${mine.length} photos, ${((Date.now() - t0) / 1000).toFixed(0)} s`
      )
  }
  fs.closeSync(bin)
  fs.writeFileSync(
    path.join(out, `shard-${shard}.json`),
    JSON.stringify({ size, samples: index })
  )
  console.log(
    `wrote ${index.length} samples in ${((Date.now() - t0) / 1000).toFixed(0)} s`
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
