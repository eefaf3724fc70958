import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import {
  frameOf,
  isNearCopy,
  nearCopyScore,
  parseFrame,
  type Frame,
} from "../../../modules/visual-search/near-copy"
import {
  imageKey,
  NearCopyDecisions,
  nearCopyWorker,
  pairKey,
  Prewarm,
  searchStarting,
  walkAhead,
  type MirroredImage,
} from "../near-copy-worker"
import { ShownProducts } from "../duplicates"

const demo = path.resolve(__dirname, "../../../../data/demo-catalog/images")
const files = fs
  .readdirSync(demo)
  .filter((f) => f.endsWith(".jpg"))
  .sort()
const photo = (name: string) => fs.readFileSync(path.join(demo, name))
const frame = async (buf: Buffer): Promise<Frame> =>
  parseFrame(await frameOf(buf))!

describe("near-copy checks on the worker thread", () => {
  afterAll(() => nearCopyWorker().close())

  it("walks candidates as ShownProducts does: against every shown product, copies skipped, until enough are shown", () => {
    // products as numbers; a "copy" is the same number
    const asked: string[] = []
    walkAhead([[1]], [[2], [1, 3], [4], [2], [5], [6]], 3, (x, y) => {
      asked.push(`${x}-${y}`)
      return x === y
    })
    // [1,3] is a copy of the shown 1 (stops at its first photo), the second [2] of the newly shown 2;
    // 5 is the third shown, so 6 is never reached
    expect(asked).toEqual([
      "2-1",
      "1-1",
      "4-1",
      "4-2",
      "2-1",
      "2-2",
      "5-1",
      "5-2",
      "5-4",
    ])
  })

  it("makes the same decisions as the search would, and the search then finds them made", async () => {
    const original = photo(files[7])
    const frames = [
      await frame(original),
      await frame(await sharp(original).flop().jpeg().toBuffer()), // a mirrored copy
      ...(await Promise.all(files.slice(20, 26).map((f) => frame(photo(f))))),
    ]
    const images = frames.map((f, i) => ({
      id: `img_${i}`,
      product_id: `prod_${i}`,
      image_url: "",
      vector: new Float32Array(0),
      phash: "p",
      frame: f,
    }))
    const made = await nearCopyWorker().decide(
      [],
      images.map((i) => [{ key: `${i.id}:p`, frame: i.frame }]),
      10
    )
    expect(made.length).toBeGreaterThan(images.length - 2)
    for (const [key, d] of made) {
      const [a, b] = key.split("|").map((k) => Number(k.split(":")[0].slice(4)))
      expect(d).toBe(isNearCopy(frames[a], frames[b]))
    }
    expect(made).toContainEqual([pairKey("img_0:p", "img_1:p"), true])

    // through ShownProducts: the copy is found, and the decision came from the worker (the pair's frames are
    // swapped for blank ones after the worker decided: deciding again on this thread would say "no copy")
    const shown = new ShownProducts()
    await shown.decideAhead(
      images.map((i) => [i]),
      10
    )
    const blank: Frame = {
      grey: new Uint8Array(frames[0].grey.length),
      lab: new Uint8Array(frames[0].lab.length),
    }
    expect(nearCopyScore(frames[0], blank)).toBeNull()
    expect(isNearCopy(blank, blank)).toBe(false)
    shown.add("prod_0", [{ ...images[0], frame: blank }])
    expect(shown.duplicateOf([{ ...images[1], frame: blank }])).toBe("prod_0")
  })

  describe("the background pass", () => {
    // vectors: unit vectors along a few axes, so the neighbours are known; frames: real photos and a mirrored copy
    const unit = (dims: number, axis: number, tilt = 0) => {
      const v = new Float32Array(dims)
      v[axis] = Math.cos(tilt)
      v[(axis + 1) % dims] = Math.sin(tilt)
      return v
    }
    async function catalogue(): Promise<MirroredImage[]> {
      const original = photo(files[7])
      const sources = [
        original,
        await sharp(original).flop().jpeg().toBuffer(),
        ...files.slice(20, 26).map(photo),
      ]
      const out: MirroredImage[] = []
      for (const [i, buf] of sources.entries()) {
        // 0 and 1 (the copy) point the same way; 2 shares product prod_0 with 0; the rest spread out
        const vector = i < 3 ? unit(16, 0, i * 0.01) : unit(16, i, 0.3)
        out.push({
          key: imageKey({ id: `img_${i}`, phash: "p" }),
          product: i === 2 ? "prod_0" : `prod_${i}`,
          frame: await frame(buf),
          vector,
        })
      }
      return out
    }

    it("decides each photo against its nearest photos of other products, as the search would, skipping its own product", async () => {
      const images = await catalogue()
      const decisions = new NearCopyDecisions()
      const pass = new Prewarm(decisions, 2)
      pass.apply(images, [])
      expect(pass.status()).toMatchObject({ images: 8, queued: 8, idle: false })
      while (!pass.status().idle) pass.step(50)
      // img_0's two nearest of other products: img_1 (its copy) and one more; never img_2, its own product's photo
      const copy = decisions.decide(images[0], images[1])!
      expect(copy).toMatchObject({ copy: true, computed: false })
      expect(isNearCopy(images[0].frame, images[1].frame)).toBe(true)
      expect(decisions.decide(images[0], images[2])!.computed).toBe(true)
      // every pair it made is the function's answer (16 pairs asked, some twice: 0→1 and 1→0)
      expect(pass.decided).toBeGreaterThan(8)
      expect(pass.decided).toBeLessThanOrEqual(16)
      for (const [a, b] of [
        [3, 4],
        [5, 6],
        [1, 0],
      ]) {
        const d = decisions.decide(images[a], images[b])
        if (d && !d.computed)
          expect(d.copy).toBe(isNearCopy(images[a].frame, images[b].frame))
      }
    })

    it("forgets a removed photo and queues a changed one again", async () => {
      const images = await catalogue()
      const pass = new Prewarm(new NearCopyDecisions(), 3)
      pass.apply(images, [])
      pass.apply([], [images[3].key, images[4].key])
      expect(pass.status()).toMatchObject({ images: 6, queued: 6 })
      while (!pass.status().idle) pass.step(50)
      pass.apply(
        [{ ...images[5], key: imageKey({ id: "img_5", phash: "q" }) }],
        [images[5].key]
      )
      expect(pass.status()).toMatchObject({ images: 6, queued: 1 })
    })

    it("steps aside while searches come, and carries on once they stop", async () => {
      const images = await catalogue()
      const pass = new Prewarm(new NearCopyDecisions(), 3, 4, 150)
      pass.searched()
      pass.apply(images, [])
      await new Promise((r) => setTimeout(r, 60))
      expect(pass.status()).toMatchObject({ queued: 8, decided: 0 })
      for (let i = 0; i < 100 && !pass.status().idle; i++)
        await new Promise((r) => setTimeout(r, 30))
      expect(pass.status()).toMatchObject({ queued: 0, idle: true })
      expect(pass.decided).toBeGreaterThan(0)
    })

    it("runs on the worker from the index the search mirrors, and its decisions reach the search", async () => {
      const images = await catalogue()
      const rows = images.map((m, i) => ({
        id: `img_${i}`,
        product_id: m.product,
        phash: "p",
        frame: m.frame,
        vector: m.vector,
      }))
      const worker = nearCopyWorker()
      worker.mirror(1, () => rows)
      let status = await worker.status()
      for (let i = 0; i < 200 && !status?.idle; i++) {
        await new Promise((r) => setTimeout(r, 25))
        status = await worker.status()
      }
      expect(status).toMatchObject({ images: 8, queued: 0, idle: true })
      expect(status!.decided).toBeGreaterThan(0)
      // the same version again sends nothing; a search's walk finds the pair decided
      worker.mirror(1, () => [])
      expect((await worker.status())!.images).toBe(8)
      const made = await worker.decide(
        [[{ key: images[0].key, frame: images[0].frame }]],
        [[{ key: images[1].key, frame: images[1].frame }]],
        1
      )
      expect(made).toEqual([[pairKey(images[0].key, images[1].key), true]])
      // photos it holds can go by key alone: it answers from its own copies of their frames
      const fresh = await worker.decide(
        [[{ key: images[3].key, frame: null }]],
        [[{ key: images[7].key, frame: null }]],
        1
      )
      expect(fresh).toEqual([
        [
          pairKey(images[3].key, images[7].key),
          isNearCopy(images[3].frame, images[7].frame),
        ],
      ])
      // a new version without two rows: the worker forgets them
      worker.mirror(2, () => rows.slice(0, 6))
      expect((await worker.status())!.images).toBe(6)
      // photos changed (new keys) as a search starts: the pass waits for the search, then catches up
      // (first past the quiet time of the searches above)
      await new Promise((r) => setTimeout(r, 300))
      worker.mirror(3, () =>
        rows.slice(0, 6).map((r) => ({ ...r, phash: "changed" }))
      )
      searchStarting()
      await new Promise((r) => setTimeout(r, 50))
      expect((await worker.status())!.queued).toBeGreaterThan(0)
      for (let i = 0; i < 100 && !(await worker.status())?.idle; i++)
        await new Promise((r) => setTimeout(r, 25))
      expect(await worker.status()).toMatchObject({ images: 6, queued: 0 })
    })
  })
})
