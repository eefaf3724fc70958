import fs from "fs"
import os from "os"
import path from "path"
import sharp from "sharp"
import { ClassicEmbedder, shippedCnnBlock } from "../embedders/classic"
import { GarmentCnn, garmentCnnDir } from "../embedders/garment-cnn"
import { cosineIn } from "../embedders/types"

// Real product photos shipped with the repo (data/demo-catalog), none of them in the network's training split
// any more than the store's own products are: the network is trained on the catalogue it serves.
const DATA = path.resolve(__dirname, "../../../../data/demo-catalog")
// id and article type: the first columns, before any free text with commas (a module's test reads no app code)
const [header, ...lines] = fs
  .readFileSync(path.join(DATA, "styles.csv"), "utf8")
  .trim()
  .split("\n")
const col = (name: string) => header.split(",").indexOf(name)
const rows = lines.map((l) => {
  const cells = l.split(",")
  return { id: cells[col("id")], articleType: cells[col("articleType")] }
})
const photo = (id: string) =>
  fs.readFileSync(path.join(DATA, "images", `${id}.jpg`))
const cos = (a: Float32Array, b: Float32Array) => cosineIn(a, b, [0, a.length])

/**
 * The whole catalogue picture (its white backdrop included) shrunk, tilted and
 * laid on two differently coloured surfaces: a photo of a printed photo on a
 * bed against a wall, the case the descriptor alone reads worst.
 */
async function pictureOnTwoSurfaces(
  jpeg: Buffer,
  tilt: number
): Promise<Buffer> {
  const W = 240
  const bg = Buffer.alloc(W * W * 3)
  for (let y = 0; y < W; y++)
    for (let x = 0; x < W; x++) {
      const o = 3 * (y * W + x)
      const top = y < W * 0.45 + 0.2 * x
      const grain = ((x * 7 + y * 13) % 11) - 5
      bg[o] = (top ? 70 : 180) + grain
      bg[o + 1] = (top ? 110 : 150) + grain
      bg[o + 2] = (top ? 160 : 120) + grain
    }
  const small = await sharp(jpeg)
    .resize(150, 150)
    .rotate(tilt, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer()
  const { width = 150 } = await sharp(small).metadata()
  const at = Math.round((W - width) / 2)
  return sharp(bg, { raw: { width: W, height: W, channels: 3 } })
    .composite([{ input: small, left: at, top: at }])
    .jpeg()
    .toBuffer()
}

describe("the garment network (classic:v9's network block)", () => {
  it("is shipped with the backend and gives a feature and one logit per article type", async () => {
    const cnn = await GarmentCnn.load(garmentCnnDir())
    const [out] = await cnn.run([
      { data: new Uint8Array(64 * 48 * 3).fill(200), width: 64, height: 48 },
    ])
    expect(out.feature).toHaveLength(cnn.featureDim)
    expect(out.logits).toHaveLength(cnn.labels.length)
    expect(cnn.labels).toEqual(
      expect.arrayContaining(["Tshirts", "Casual Shoes", "Watches"])
    )
  })

  it("names the article type of catalogue photos mostly right", async () => {
    const cnn = await GarmentCnn.load(garmentCnnDir())
    const sample = rows
      .filter((r) => cnn.labels.includes(r.articleType))
      .slice(0, 120)
    const pixels = await Promise.all(
      sample.map(async (r) => {
        const { data, info } = await sharp(photo(r.id))
          .removeAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true })
        return { data, width: info.width, height: info.height }
      })
    )
    const outs = await cnn.run(pixels)
    const right = outs.filter(
      (o, i) =>
        cnn.labels[o.logits.indexOf(Math.max(...o.logits))] ===
        sample[i].articleType
    ).length
    // a chance-level network would get ~1 in 40
    expect(right / sample.length).toBeGreaterThan(0.6)
  })

  it("keeps a product on two surfaces nearer products of its type than the descriptor alone does", async () => {
    const withNet = new ClassicEmbedder()
    const alone = new ClassicEmbedder({ cnn: null })
    expect(withNet.id).toBe("classic:v9")
    expect(alone.id).toBe("classic:v6")
    // another training of the network is another embedder: a store indexed with this one reindexes
    const retrained = new ClassicEmbedder({
      cnn: { ...shippedCnnBlock(), generation: 4 },
    })
    expect(retrained.id).toBe("classic:v10")
    expect(withNet.dimensions).toBeGreaterThan(alone.dimensions)
    expect(withNet.kind![1]).toBeGreaterThan(alone.kind![1])
    // the wardrobe names types without the network's block (it measured worse there)
    expect(withNet.typeNaming).toEqual([
      withNet.dimensions - alone.dimensions,
      withNet.kind![1],
    ])
    expect(alone.typeNaming).toBeUndefined()
    // queries: three of each of eight types of the demo catalogue as tilted pictures on two surfaces;
    // gallery: ten more of each, on white
    const types = [
      "Tshirts",
      "Shirts",
      "Tops",
      "Kurtas",
      "Casual Shoes",
      "Sports Shoes",
      "Handbags",
      "Watches",
    ]
    const queries = types.flatMap((t) =>
      rows.filter((r) => r.articleType === t).slice(0, 3)
    )
    const gallery = types.flatMap((t) =>
      rows.filter((r) => r.articleType === t).slice(3, 13)
    )
    const photos = await Promise.all(
      queries.map((r, i) => pictureOnTwoSurfaces(photo(r.id), (i % 5) * 4 - 8))
    )
    const rightShare = async (emb: ClassicEmbedder) => {
      const g = await emb.embedImages(gallery.map((r) => photo(r.id)))
      const q = await emb.embedPhotos(photos)
      let right = 0
      q.forEach((v, i) => {
        const top5 = g
          .map((x, j) => [cos(v, x), j] as const)
          .sort((a, b) => b[0] - a[0])
          .slice(0, 5)
        right += top5.filter(
          ([, j]) => gallery[j].articleType === queries[i].articleType
        ).length
      })
      return right / (5 * q.length)
    }
    const [net, desc] = [await rightShare(withNet), await rightShare(alone)]
    expect(net).toBeGreaterThanOrEqual(desc)
    expect(net).toBeGreaterThan(0.8)
  })

  it("refuses to start without its network rather than run as v6 under v7's name", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-cnn-"))
    const before = process.env.CURATOR_GARMENT_CNN_DIR
    process.env.CURATOR_GARMENT_CNN_DIR = empty
    try {
      expect(() => new ClassicEmbedder()).toThrow(/labels\.json|garment/)
    } finally {
      if (before === undefined) delete process.env.CURATOR_GARMENT_CNN_DIR
      else process.env.CURATOR_GARMENT_CNN_DIR = before
    }
  })
})
