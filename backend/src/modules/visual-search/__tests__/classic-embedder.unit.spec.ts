import fs from "fs"
import path from "path"
import sharp from "sharp"
import {
  ClassicEmbedder,
  PHOTO_VIEWS,
  describeImage,
} from "../embedders/classic"
import {
  RAW_DIM,
  BLOCK_RANGES,
  describeViews,
} from "../embedders/classic-features"
import { cosineIn } from "../embedders/types"
import {
  shopperPhoto,
  mulberry32,
} from "../../../../test-fixtures/shopper-photo"

// Real product photos shipped with the repo (data/demo-catalog).
const DIR = path.resolve(__dirname, "../../../../data/demo-catalog/images")
const photo = (id: string) => fs.readFileSync(path.join(DIR, `${id}.jpg`))

const TSHIRT = "10065" // yellow t-shirt
const SHORTS = "10004" // dark grey shorts
const CAP = "10014" // blue cap
const WATCH = "10098"
const SHOES = "10267" // black casual shoes
const HANDBAG = "10196" // green handbag

const cos = (a: Float32Array, b: Float32Array, s = 0, e = a.length) => {
  let d = 0,
    na = 0,
    nb = 0
  for (let i = s; i < e; i++) {
    d += a[i] * b[i]
    na += a[i] * a[i]
    nb += b[i] * b[i]
  }
  return d / Math.sqrt(na * nb)
}

/** Replaces the light background (flood-filled from the border) with a solid colour. */
async function onColouredBackground(
  jpeg: Buffer,
  rgb: [number, number, number]
): Promise<Buffer> {
  const { data, info } = await sharp(jpeg)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const w = info.width,
    h = info.height
  const seen = new Uint8Array(w * h)
  const stack: number[] = []
  const light = (i: number) =>
    data[i * 3] > 215 && data[i * 3 + 1] > 215 && data[i * 3 + 2] > 215
  const push = (i: number) => {
    if (!seen[i] && light(i)) {
      seen[i] = 1
      stack.push(i)
    }
  }
  for (let x = 0; x < w; x++) {
    push(x)
    push((h - 1) * w + x)
  }
  for (let y = 0; y < h; y++) {
    push(y * w)
    push(y * w + w - 1)
  }
  while (stack.length) {
    const i = stack.pop()!,
      x = i % w
    if (x > 0) push(i - 1)
    if (x < w - 1) push(i + 1)
    if (i >= w) push(i - w)
    if (i < w * (h - 1)) push(i + w)
  }
  // grow the background by 1 px so no light JPEG fringe is left around the product
  const bg = seen.slice()
  for (let i = 0; i < w * h; i++) {
    const x = i % w
    if (
      seen[i] ||
      !(
        (x > 0 && seen[i - 1]) ||
        (x < w - 1 && seen[i + 1]) ||
        (i >= w && seen[i - w]) ||
        (i < w * (h - 1) && seen[i + w])
      )
    )
      continue
    bg[i] = 1
  }
  for (let i = 0; i < w * h; i++)
    if (bg[i]) {
      data[i * 3] = rgb[0]
      data[i * 3 + 1] = rgb[1]
      data[i * 3 + 2] = rgb[2]
    }
  return sharp(data, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

describe("ClassicEmbedder", () => {
  const emb = new ClassicEmbedder()
  const embed1 = async (b: Buffer) => (await emb.embedImages([b]))[0]
  const colour = () => emb.headRanges().find((h) => h.name === "colour")!

  it("returns one unit-norm vector of `dimensions` floats per image, in order", async () => {
    const vs = await emb.embedImages([
      photo(TSHIRT),
      photo(SHOES),
      photo(WATCH),
    ])
    expect(vs).toHaveLength(3)
    for (const v of vs) {
      expect(v).toBeInstanceOf(Float32Array)
      expect(v.length).toBe(emb.dimensions)
      expect(Math.sqrt(v.reduce((a, x) => a + x * x, 0))).toBeCloseTo(1, 5)
      expect(v.every(Number.isFinite)).toBe(true)
    }
    expect(emb.id).toBe("classic:v9")
    expect(cos(vs[0], vs[1])).toBeLessThan(0.999)
  })

  it("exposes the raw descriptor used for training", async () => {
    const raw = await describeImage(photo(TSHIRT))
    expect(raw.length).toBe(RAW_DIM)
    expect(raw.every(Number.isFinite)).toBe(true)
  })

  it("describes the fabric (LBP) and where each colour sits (colour layout)", async () => {
    // a garment-sized square on white: plain, then striped; top half red, bottom half blue
    const square = (
      fill: (x: number, y: number) => [number, number, number]
    ) => {
      const W = 160,
        px = Buffer.alloc(W * W * 3, 255)
      for (let y = 30; y < 130; y++)
        for (let x = 30; x < 130; x++) px.set(fill(x, y), (y * W + x) * 3)
      return sharp(px, { raw: { width: W, height: W, channels: 3 } })
        .png()
        .toBuffer()
    }
    const plain = await describeImage(await square(() => [90, 90, 200]))
    const striped = await describeImage(
      await square((x) =>
        Math.floor(x / 3) % 2 ? [40, 40, 140] : [150, 150, 240]
      )
    )
    const flat = (v: Float32Array) => v[BLOCK_RANGES.lbp[0]] // radius 1, no brighter neighbour: flat cloth
    expect(flat(plain)).toBeGreaterThan(0.9)
    expect(flat(striped)).toBeLessThan(flat(plain) - 0.2)

    const bicolour = await describeImage(
      await square((_, y) => (y < 80 ? [200, 30, 30] : [30, 30, 200]))
    )
    const [o] = BLOCK_RANGES.colourLayout
    const cell = (gx: number, gy: number) => ({
      a: bicolour[o + (gy * 4 + gx) * 3 + 1],
      b: bicolour[o + (gy * 4 + gx) * 3 + 2],
    })
    for (let gx = 0; gx < 4; gx++) {
      expect(cell(gx, 0).a).toBeGreaterThan(0.3) // red on top: Lab a ≫ 0, b > 0
      expect(cell(gx, 0).b).toBeGreaterThan(0.2)
      expect(cell(gx, 3).b).toBeLessThan(-0.3) // blue below: Lab b ≪ 0
    }
  })

  it("is deterministic: the same bytes give bit-identical vectors", async () => {
    const [a] = await emb.embedImages([photo(CAP)])
    const [b] = await new ClassicEmbedder().embedImages([photo(CAP)])
    expect(Array.from(a)).toEqual(Array.from(b))
  })

  it("describes the whole photo as a catalogue photo is described, and central views of it as crops of it", async () => {
    const shot = await shopperPhoto(photo(SHOES), mulberry32(3))
    const [whole, part] = await describeViews(shot, [1, 0.7])
    expect(Array.from(whole)).toEqual(Array.from(await describeImage(shot)))
    const meta = await sharp(shot).metadata()
    const w = Math.round(meta.width! * 0.7),
      h = Math.round(meta.height! * 0.7)
    const crop = await sharp(shot)
      .extract({
        left: Math.floor((meta.width! - w) / 2),
        top: Math.floor((meta.height! - h) / 2),
        width: w,
        height: h,
      })
      .png()
      .toBuffer()
    const [a, b] = [emb.project(part), emb.project(await describeImage(crop))]
    expect(cos(a, b)).toBeGreaterThan(0.95)
    expect(cos(a, emb.project(whole))).toBeLessThan(cos(a, b))
  })

  it("embeds a shopper's photo in the catalogue's space: several views, one unit vector, nearest its own product", async () => {
    const ids = [TSHIRT, SHOES, WATCH, HANDBAG, CAP, SHORTS]
    const catalogue = await emb.embedImages(ids.map(photo))
    const shots = await Promise.all(
      ids.map((id, i) => shopperPhoto(photo(id), mulberry32(11 + i)))
    )
    const vectors = await emb.embedPhotos(shots)
    vectors.forEach((v, i) => {
      expect(v).toHaveLength(emb.dimensions)
      expect(cos(v, v)).toBeCloseTo(1, 5)
      const sims = catalogue.map((c) => cos(v, c))
      expect(sims.indexOf(Math.max(...sims))).toBe(i)
    })
    expect(PHOTO_VIEWS[0]).toBe(1) // the whole photo is always one of the views
  })

  it("keeps a shopper photo of a product nearer to its catalogue photo than to other article types", async () => {
    const cases: [string, string[]][] = [
      [TSHIRT, [SHOES, WATCH, HANDBAG]],
      [SHOES, [TSHIRT, SHORTS, CAP]],
      [WATCH, [TSHIRT, SHOES, HANDBAG]],
    ]
    for (const [id, others] of cases) {
      const orig = await embed1(photo(id))
      const shot = await embed1(await shopperPhoto(photo(id), mulberry32(7)))
      const own = cos(orig, shot)
      for (const o of others)
        expect(own).toBeGreaterThan(cos(shot, await embed1(photo(o))))
    }
  })

  it("separates the product from its background: the same product on white vs coloured backgrounds stays close", async () => {
    const others = fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith(".jpg"))
      .sort()
      .slice(0, 30)
    const gallery = await emb.embedImages(
      others.map((f) => fs.readFileSync(path.join(DIR, f)))
    )
    for (const id of [SHORTS, CAP, TSHIRT]) {
      const white = await embed1(photo(id))
      for (const rgb of [
        [20, 140, 150],
        [230, 90, 170],
      ] as [number, number, number][]) {
        const coloured = await embed1(
          await onColouredBackground(photo(id), rgb)
        )
        const own = cos(white, coloured)
        expect(own).toBeGreaterThan(0.8)
        // and its white-background photo is its nearest neighbour among other catalogue photos
        others.forEach((f, k) => {
          if (f !== `${id}.jpg`)
            expect(own).toBeGreaterThan(cos(coloured, gallery[k]))
        })
      }
    }
  })

  it("moves a strongly re-coloured garment away in the colour part, less so in the rest", async () => {
    const c = colour()
    for (const id of [TSHIRT, CAP, HANDBAG]) {
      const orig = await embed1(photo(id))
      const recoloured = await embed1(
        await sharp(photo(id))
          .modulate({ hue: 150 })
          .jpeg({ quality: 90 })
          .toBuffer()
      )
      const colourSim = cos(orig, recoloured, c.start, c.end)
      const restSim = cos(orig, recoloured, 0, c.start)
      expect(colourSim).toBeLessThan(0.5)
      expect(restSim).toBeGreaterThan(colourSim)
    }
  })

  it("names its kind dimensions: the network's block and the article-type heads, not the colour head", async () => {
    const ranges = emb.headRanges()
    const c = colour()
    expect(emb.kind).toEqual([0, c.start])
    expect(
      ranges
        .filter((r) => r.end <= emb.kind![1])
        .every((r) => r.name === "cnn" || r.name.startsWith("type"))
    ).toBe(true)
    // a re-coloured t-shirt is the same kind of item: closer in kind than in the whole vector
    const orig = await embed1(photo(TSHIRT))
    const recoloured = await embed1(
      await sharp(photo(TSHIRT))
        .modulate({ hue: 150 })
        .jpeg({ quality: 90 })
        .toBuffer()
    )
    expect(cosineIn(orig, recoloured, emb.kind!)).toBeGreaterThan(
      cos(orig, recoloured)
    )
  })

  it("gives nearly the same vector for PNG and WebP encodings of the same image", async () => {
    for (const id of [TSHIRT, WATCH, HANDBAG]) {
      const raw = sharp(photo(id))
      const png = await embed1(await raw.clone().png().toBuffer())
      const webp = await embed1(
        await raw.clone().webp({ quality: 90 }).toBuffer()
      )
      const jpg = await embed1(photo(id))
      expect(cos(png, webp)).toBeGreaterThan(0.98)
      expect(cos(png, jpg)).toBeGreaterThan(0.98)
    }
  })

  it("handles transparent PNGs and tiny images", async () => {
    const rgba = await sharp(photo(CAP)).ensureAlpha().png().toBuffer()
    const tiny = await sharp(photo(CAP)).resize(12, 12).png().toBuffer()
    const [a, b] = await emb.embedImages([rgba, tiny])
    expect(a.length).toBe(emb.dimensions)
    expect(b.every(Number.isFinite)).toBe(true)
  })
})
