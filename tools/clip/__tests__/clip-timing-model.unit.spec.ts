/**
 * The benchmark's CLIP timing model (tools/clip/make-clip-timing-model.ts): its
 * transformer graph, fp32 and dynamically quantized, must load and run
 * through the real CLIP path. Built here at a small width so the test is
 * quick; the benchmark builds it at ViT-B/32's.
 */
import fs from "fs"
import os from "os"
import path from "path"
import { loadClipEmbedder } from "../../../backend/src/modules/visual-search/embedders/clip"
import { makeClipTimingModel, VIT_B_32 } from "../make-clip-timing-model"

const PHOTOS = path.resolve(
  __dirname,
  "../../../backend/data/demo-catalog/images"
)
const photos = fs
  .readdirSync(PHOTOS)
  .filter((f) => f.endsWith(".jpg"))
  .sort()
  .slice(0, 3)
  .map((f) => fs.readFileSync(path.join(PHOTOS, f)))
const SMALL = {
  ...VIT_B_32,
  width: 64,
  heads: 4,
  layers: 2,
  mlp: 128,
  projection: 24,
}
const dot = (a: Float32Array, b: Float32Array) =>
  a.reduce((s, x, i) => s + x * b[i], 0)
const maxDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0)

describe("CLIP timing model (ViT-shaped, random weights)", () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "clip-timing-"))
    makeClipTimingModel(dir, SMALL)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it.each(["fp32", "q8"])(
    "runs as %s through the CLIP embedder: one unit vector per photo, batched or not",
    async (dtype) => {
      const clip = await loadClipEmbedder({
        modelDir: dir,
        dtype,
        logger: { info() {} },
      })
      try {
        expect(clip.dimensions).toBe(SMALL.projection)
        expect(clip.info.visionInputs).toEqual(["pixel_values"])
        expect(clip.info.visionOutputs).toEqual(["image_embeds"])
        const batch = await clip.embedImages(photos)
        expect(batch).toHaveLength(3)
        for (const v of batch) {
          expect(v).toHaveLength(SMALL.projection)
          expect(v.every(Number.isFinite)).toBe(true)
          expect(Math.abs(dot(v, v) - 1)).toBeLessThan(1e-4)
        }
        // the photos reach the transformer: different photos, different vectors (barely: with random
        // weights the class token's output is dominated by the learned-free embeddings, not the pixels)
        expect(maxDiff(batch[0], batch[1])).toBeGreaterThan(1e-4)
        const [single] = await clip.embedImages([photos[1]])
        // fp32 is exact; q8 quantizes activations per batch, as the hub's export does
        expect(dot(single, batch[1])).toBeGreaterThan(
          dtype === "fp32" ? 0.99999 : 0.95
        )
      } finally {
        await clip.close()
      }
    }
  )
})
