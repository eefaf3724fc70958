/**
 * CLIP embedder end to end, without network: a tiny CLIP-shaped model (real
 * config, processor and tokenizer files; pseudo-random 32-d graphs with the
 * real input/output names) is generated into a temp folder and loaded through
 * loadClipEmbedder({ modelDir }) — the same worker, transformers.js loading,
 * preprocessing, tokenisation and batching code that runs the real model.
 */
import fs from "fs"
import os from "os"
import path from "path"
import sharp from "sharp"
import {
  loadClipEmbedder,
  ClipEmbedder,
  DEFAULT_CLIP_MODEL,
} from "../embedders/clip"
import {
  makeTinyClip,
  DEFAULT_CONFIG_DIR,
} from "../../../../test-fixtures/make-tiny-clip"
import { photoCutOut } from "../embedders/photo-cutout"

const P = 32
const PHOTOS = path.resolve(__dirname, "../../../../data/demo-catalog/images")

const dot = (a: Float32Array, b: Float32Array) =>
  a.reduce((s, x, i) => s + x * b[i], 0)
const norm = (a: Float32Array) => Math.sqrt(dot(a, a))
const maxDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0)

/** 224×224 test card: four coloured quadrants and a diagonal gradient — cells differ from each other. */
async function testCard(): Promise<Buffer> {
  const w = 224
  const px = Buffer.alloc(w * w * 3)
  for (let y = 0; y < w; y++)
    for (let x = 0; x < w; x++) {
      const q = (y < w / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1)
      const base = [
        [220, 40, 40],
        [40, 200, 60],
        [30, 60, 230],
        [240, 220, 30],
      ][q]
      const g = ((x + y) / (2 * w)) * 60
      for (let c = 0; c < 3; c++)
        px[(y * w + x) * 3 + c] = Math.max(0, Math.min(255, base[c] - g))
    }
  return sharp(px, { raw: { width: w, height: w, channels: 3 } })
    .png()
    .toBuffer()
}

describe("ClipEmbedder (tiny generated model, local folder)", () => {
  let dir: string
  let clip: ClipEmbedder
  const logs: string[] = []

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiny-clip-"))
    makeTinyClip(path.join(dir, "model"), { dim: P })
    clip = await loadClipEmbedder({
      modelDir: path.join(dir, "model"),
      logger: { info: (m) => logs.push(m) },
    })
  })

  afterAll(async () => {
    await clip?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it("loads from a local folder with remote models disabled, using CLIP's real input/output names", () => {
    expect(clip.id).toBe(`clip:${DEFAULT_CLIP_MODEL}:q8`)
    expect(clip.id).toContain("Xenova/clip-vit-base-patch32")
    expect(clip.dimensions).toBe(P)
    expect(clip.info.allowRemoteModels).toBe(false)
    expect(clip.info.localFilesOnly).toBe(true)
    expect(clip.info.projectionDim).toBe(P)
    expect(clip.info.visionInputs).toEqual(["pixel_values"])
    expect(clip.info.visionOutputs).toEqual(["image_embeds"])
    expect(clip.info.textInputs).toEqual(["input_ids"])
    expect(clip.info.textOutputs).toEqual(["text_embeds"])
    expect(logs.join("\n")).toMatch(
      /CLIP Xenova\/clip-vit-base-patch32 \(q8, 32 dims\) loaded from .*model/
    )
  })

  it("preprocesses with the real CLIP processor: any size and format → 224×224 centre crop", async () => {
    const card = await testCard()
    // The same card at twice the size with 112-px magenta bars left and right (672×448):
    // shortest edge → 224, centre crop 224×224 gives back the card.
    const big = await sharp(card)
      .resize(448, 448)
      .extend({ left: 112, right: 112, background: "#ff00ff" })
      .png()
      .toBuffer()
    // Control: the same 672×448 picture squashed to 224×224 by us keeps the bars — a
    // processor that stretched instead of resize + centre-crop would see this.
    const squashed = await sharp(big)
      .resize(224, 224, { fit: "fill" })
      .png()
      .toBuffer()
    const asJpeg = await sharp(card).jpeg({ quality: 95 }).toBuffer()
    const asWebp = await sharp(card).webp({ lossless: true }).toBuffer()
    const rotated = await sharp(card).rotate(180).png().toBuffer()
    const tall = await sharp(card)
      .resize(150, 400, { fit: "fill" })
      .png()
      .toBuffer()

    const [vCard, vBig, vSquashed, vJpeg, vWebp, vRot, vTall] =
      await clip.embedImages([
        card,
        big,
        squashed,
        asJpeg,
        asWebp,
        rotated,
        tall,
      ])
    for (const v of [vCard, vBig, vSquashed, vJpeg, vWebp, vRot, vTall]) {
      expect(v).toBeInstanceOf(Float32Array)
      expect(v.length).toBe(P)
      expect(norm(v)).toBeCloseTo(1, 5)
    }
    expect(dot(vCard, vWebp)).toBeGreaterThan(0.99999) // lossless: same pixels, same vector
    expect(dot(vCard, vJpeg)).toBeGreaterThan(0.999)
    expect(dot(vCard, vBig)).toBeGreaterThan(0.995) // bars cropped away
    expect(dot(vCard, vSquashed)).toBeLessThan(0.9) // bars kept
    // A changed image gives a changed vector.
    expect(dot(vCard, vRot)).toBeLessThan(0.9)
    expect(maxDiff(vCard, vTall)).toBeGreaterThan(0.01)
  })

  it("embeds a batch of 5 real photos exactly like one by one", async () => {
    const files = fs
      .readdirSync(PHOTOS)
      .filter((f) => f.endsWith(".jpg"))
      .sort()
      .slice(0, 5)
    expect(files).toHaveLength(5)
    const bufs = files.map((f) => fs.readFileSync(path.join(PHOTOS, f)))
    const batch = await clip.embedImages(bufs)
    expect(batch).toHaveLength(5)
    for (let i = 0; i < 5; i++) {
      expect(batch[i].length).toBe(P)
      expect(Math.abs(norm(batch[i]) - 1)).toBeLessThan(1e-5)
      const [single] = await clip.embedImages([bufs[i]])
      expect(maxDiff(batch[i], single)).toBeLessThan(1e-5)
    }
    for (let i = 1; i < 5; i++)
      expect(maxDiff(batch[0], batch[i])).toBeGreaterThan(1e-3)
  })

  it("embeds text into unit vectors of the same length; different texts differ, padding does not matter", async () => {
    const texts = [
      "a red summer dress",
      "black leather boots",
      "a red summer dress with white polka dots and a belt",
    ]
    const v = await clip.embedText(texts)
    expect(v).toHaveLength(3)
    for (const x of v) {
      expect(x.length).toBe(P)
      expect(norm(x)).toBeCloseTo(1, 5)
    }
    expect(maxDiff(v[0], v[1])).toBeGreaterThan(1e-3)
    expect(maxDiff(v[0], v[2])).toBeGreaterThan(1e-3)
    const [alone] = await clip.embedText([texts[0]]) // no padding when alone
    expect(maxDiff(alone, v[0])).toBeLessThan(1e-5)
    expect(await clip.embedText([])).toEqual([])
  })

  it("splits work into batches of batchSize; fp32 and q8 weights agree", async () => {
    const fp32 = await loadClipEmbedder({
      modelDir: path.join(dir, "model"),
      dtype: "fp32",
      batchSize: 2,
    })
    try {
      expect(fp32.id).toBe(`clip:${DEFAULT_CLIP_MODEL}:fp32`)
      expect(fp32.batchSize).toBe(2)
      const bufs = fs
        .readdirSync(PHOTOS)
        .filter((f) => f.endsWith(".jpg"))
        .sort()
        .slice(0, 5)
        .map((f) => fs.readFileSync(path.join(PHOTOS, f)))
      const a = await fp32.embedImages(bufs) // batches of 2, 2, 1
      const b = await clip.embedImages(bufs)
      expect(a).toHaveLength(5)
      for (let i = 0; i < 5; i++) expect(dot(a[i], b[i])).toBeGreaterThan(0.99)
    } finally {
      await fp32.close()
    }
  })

  it("names the image that cannot be decoded", async () => {
    const good = fs.readFileSync(
      path.join(
        PHOTOS,
        fs.readdirSync(PHOTOS).filter((f) => f.endsWith(".jpg"))[0]
      )
    )
    await expect(
      clip.embedImages([good, good, Buffer.from("not an image")])
    ).rejects.toThrow(/image #2/)
    // The worker survives a bad input.
    expect(await clip.embedImages([good])).toHaveLength(1)
  })

  it("fails with an error naming the folder and the missing file when weights are absent", async () => {
    const empty = path.join(dir, "no-weights")
    fs.mkdirSync(empty)
    for (const f of fs.readdirSync(DEFAULT_CONFIG_DIR))
      fs.copyFileSync(path.join(DEFAULT_CONFIG_DIR, f), path.join(empty, f))
    await expect(loadClipEmbedder({ modelDir: empty })).rejects.toThrow(
      /no-weights.*onnx\/vision_model_quantized\.onnx/
    )
    await expect(
      loadClipEmbedder({ modelDir: empty, dtype: "fp32" })
    ).rejects.toThrow(/onnx\/text_model\.onnx/)
    await expect(
      loadClipEmbedder({ modelDir: path.join(dir, "nowhere") })
    ).rejects.toThrow(/nowhere.*does not exist/)
  })

  it("fails clearly when an onnx file is present but unusable", async () => {
    const broken = path.join(dir, "broken")
    makeTinyClip(broken, { dim: P })
    fs.writeFileSync(
      path.join(broken, "onnx", "text_model_quantized.onnx"),
      "not a model"
    )
    await expect(loadClipEmbedder({ modelDir: broken })).rejects.toThrow(
      /Could not load CLIP from ".*broken"/
    )
  })

  it("fuses a shopper's photo with the product cut out of it on white only when photoCutOut is on", async () => {
    // a catalogue photo (product on white) shrunk onto a wall above a floor
    const product = await sharp(path.join(PHOTOS, "10065.jpg"))
      .resize(150, 150, { fit: "inside" })
      .png()
      .toBuffer()
    const W = 224
    const px = Buffer.alloc(W * W * 3)
    for (let i = 0; i < W * W; i++)
      px.set(Math.floor(i / W) > 180 ? [70, 90, 60] : [150, 120, 170], 3 * i)
    const scene = await sharp(px, { raw: { width: W, height: W, channels: 3 } })
      .composite([{ input: product, left: 37, top: 25 }])
      .png()
      .toBuffer()
    // the product alone on white, where the scene has it
    const onWhite = await sharp({
      create: { width: W, height: W, channels: 3, background: "#ffffff" },
    })
      .composite([{ input: product, left: 37, top: 25 }])
      .png()
      .toBuffer()
    const wall = await sharp({
      create: { width: W, height: W, channels: 3, background: "#968aa0" },
    })
      .png()
      .toBuffer()

    const cut = await photoCutOut(scene, W)
    expect(cut).not.toBeNull()
    const { data } = await sharp(cut!)
      .raw()
      .toBuffer({ resolveWithObject: true })
    // the wall and the floor are painted white
    for (const [x, y] of [
      [5, 5],
      [200, 100],
      [20, 210],
      [200, 215],
    ])
      expect([...data.subarray(3 * (y * W + x), 3 * (y * W + x) + 3)]).toEqual([
        255, 255, 255,
      ])

    const fusing = await loadClipEmbedder({
      modelDir: path.join(dir, "model"),
      photoCutOut: true,
    })
    try {
      const [eScene, eWhite, eWall] = await clip.embedImages([
        scene,
        onWhite,
        wall,
      ])
      // off (the default): a photo is embedded as a catalogue image
      const [plain] = await clip.embedPhotos([scene])
      expect(maxDiff(plain, eScene)).toBeLessThan(1e-6)
      // on: unit length, and nearer the product on white than the photo itself is
      const [fused] = await fusing.embedPhotos([scene])
      expect(norm(fused)).toBeCloseTo(1, 5)
      expect(dot(fused, eWhite)).toBeGreaterThan(dot(eScene, eWhite) + 0.1)
      // nothing to cut out of a plain wall: the photo alone
      const [wallFused] = await fusing.embedPhotos([wall])
      expect(maxDiff(wallFused, eWall)).toBeLessThan(1e-6)
    } finally {
      await fusing.close()
    }
  })

  it("rejects calls after close()", async () => {
    const other = await loadClipEmbedder({ modelDir: path.join(dir, "model") })
    await other.close()
    await expect(other.embedText(["x"])).rejects.toThrow(/closed/)
  })
})
