import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { frameOf, isNearCopy, nearCopyScore, parseFrame, type Frame } from "../near-copy"
import { nearCopyWorker, pairKey, walkAhead } from "../near-copy-worker"
import { ShownProducts } from "../duplicates"

const demo = path.resolve(__dirname, "../../../../data/demo-catalog/images")
const files = fs.readdirSync(demo).filter((f) => f.endsWith(".jpg")).sort()
const photo = (name: string) => fs.readFileSync(path.join(demo, name))
const frame = async (buf: Buffer): Promise<Frame> => parseFrame(await frameOf(buf))!

describe("near-copy checks on the worker thread", () => {
  afterAll(() => nearCopyWorker().close())

  it("walks candidates as ShownProducts does: against every shown product, copies skipped, until enough are shown", () => {
    // products as numbers; a "copy" is the same number
    const asked: string[] = []
    walkAhead([[1]], [[2], [1, 3], [4], [2], [5], [6]], 3, (x, y) => { asked.push(`${x}-${y}`); return x === y })
    // [1,3] is a copy of the shown 1 (stops at its first photo), the second [2] of the newly shown 2;
    // 5 is the third shown, so 6 is never reached
    expect(asked).toEqual(["2-1", "1-1", "4-1", "4-2", "2-1", "2-2", "5-1", "5-2", "5-4"])
  })

  it("makes the same decisions as the search would, and the search then finds them made", async () => {
    const original = photo(files[7])
    const frames = [
      await frame(original),
      await frame(await sharp(original).flop().jpeg().toBuffer()), // a mirrored copy
      ...(await Promise.all(files.slice(20, 26).map((f) => frame(photo(f))))),
    ]
    const images = frames.map((f, i) => ({ id: `img_${i}`, product_id: `prod_${i}`, image_url: "", vector: new Float32Array(0), phash: "p", phash_mirror: null, colour: null, frame: f }))
    const made = await nearCopyWorker().decide([], images.map((i) => [{ key: `${i.id}:p`, frame: i.frame }]), 10)
    expect(made.length).toBeGreaterThan(images.length - 2)
    for (const [key, d] of made) {
      const [a, b] = key.split("|").map((k) => Number(k.split(":")[0].slice(4)))
      expect(d).toBe(isNearCopy(frames[a], frames[b]))
    }
    expect(made).toContainEqual([pairKey("img_0:p", "img_1:p"), true])

    // through ShownProducts: the copy is found, and the decision came from the worker (the pair's frames are
    // swapped for blank ones after the worker decided: deciding again on this thread would say "no copy")
    const shown = new ShownProducts()
    await shown.decideAhead(images.map((i) => [i]), 10)
    const blank: Frame = { grey: new Uint8Array(frames[0].grey.length), lab: new Uint8Array(frames[0].lab.length) }
    expect(nearCopyScore(frames[0], blank)).toBeNull()
    expect(isNearCopy(blank, blank)).toBe(false)
    shown.add("prod_0", [{ ...images[0], frame: blank }])
    expect(shown.duplicateOf([{ ...images[1], frame: blank }])).toBe("prod_0")
  })
})
