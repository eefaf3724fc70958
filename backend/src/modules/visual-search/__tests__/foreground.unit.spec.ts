import fs from "fs"
import path from "path"
import sharp from "sharp"
import { segmentRGB, WORK } from "../embedders/classic-features"
import { cutOutOnWhite, openCv } from "../embedders/grabcut"
import { productAlpha } from "../../../../test-fixtures/shopper-photo"

// Real product photos shipped with the repo (data/demo-catalog).
const DIR = path.resolve(__dirname, "../../../../data/demo-catalog/images")
const photo = (id: string) => fs.readFileSync(path.join(DIR, `${id}.jpg`))

const TSHIRT = "10065" // yellow t-shirt
const SHOES = "10267" // black casual shoes
const HANDBAG = "10196" // green handbag

type Raw = { data: Buffer; w: number; h: number }

/** The product of a catalogue photo at WORK px: RGB and its known mask (the photo's white flooded from the border). */
async function product(id: string): Promise<Raw & { mask: Uint8Array }> {
  const { data, info } = await sharp(photo(id))
    .resize(WORK, WORK, { fit: "inside" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const a = productAlpha(data, info.width, info.height)
  const mask = new Uint8Array(a.length)
  for (let i = 0; i < a.length; i++) mask[i] = a[i] > 127 ? 1 : 0
  return { data, w: info.width, h: info.height, mask }
}

/**
 * A WORK×WORK scene: `paint(x, y)` for every pixel, then the product's masked
 * pixels at its centre, shrunk to `scale`. Returns the scene and where the
 * product went (the known composite mask).
 */
async function composite(
  id: string,
  paint: (x: number, y: number) => [number, number, number],
  scale = 0.7
): Promise<Raw & { truth: Uint8Array }> {
  const p = await product(id)
  const pw = Math.round(p.w * scale),
    ph = Math.round(p.h * scale)
  const small = await sharp(p.data, {
    raw: { width: p.w, height: p.h, channels: 3 },
  })
    .resize(pw, ph, { fit: "fill" })
    .raw()
    .toBuffer()
  const smallMask = await sharp(Buffer.from(p.mask.map((m) => m * 255)), {
    raw: { width: p.w, height: p.h, channels: 1 },
  })
    .resize(pw, ph, { fit: "fill" })
    .extractChannel(0)
    .raw()
    .toBuffer()
  const W = WORK,
    H = WORK
  const data = Buffer.alloc(W * H * 3)
  const truth = new Uint8Array(W * H)
  const ox = Math.floor((W - pw) / 2),
    oy = Math.floor((H - ph) / 2)
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 3
      const c = paint(x, y)
      data[o] = c[0]
      data[o + 1] = c[1]
      data[o + 2] = c[2]
      const sx = x - ox,
        sy = y - oy
      if (
        sx >= 0 &&
        sy >= 0 &&
        sx < pw &&
        sy < ph &&
        smallMask[sy * pw + sx] > 127
      ) {
        const s = (sy * pw + sx) * 3
        data[o] = small[s]
        data[o + 1] = small[s + 1]
        data[o + 2] = small[s + 2]
        truth[y * W + x] = 1
      }
    }
  return { data, w: W, h: H, truth }
}

const iou = (a: Uint8Array, b: Uint8Array) => {
  let i = 0,
    u = 0
  for (let k = 0; k < a.length; k++) {
    if (a[k] && b[k]) i++
    if (a[k] || b[k]) u++
  }
  return i / Math.max(1, u)
}
/** Share of a region (pixels where `region` holds and the product is not) that the mask claims. */
const claimed = (
  mask: Uint8Array,
  truth: Uint8Array,
  region: (i: number) => boolean
) => {
  let n = 0,
    c = 0
  for (let i = 0; i < mask.length; i++)
    if (!truth[i] && region(i)) {
      n++
      c += mask[i]
    }
  return c / Math.max(1, n)
}

describe("foreground extraction on backgrounds of several regions", () => {
  it("separates a t-shirt from a wall and a floor of different colours", async () => {
    // a pale blue wall above a brown floor, the seam a little below the middle
    const seam = Math.round(WORK * 0.55)
    const scene = await composite(TSHIRT, (x, y) =>
      y < seam ? [170, 190, 215] : [120, 80, 50]
    )
    const { mask } = segmentRGB(scene.data, scene.w, scene.h)
    expect(iou(mask, scene.truth)).toBeGreaterThan(0.85)
    expect(claimed(mask, scene.truth, (i) => i / WORK < seam)).toBeLessThan(
      0.05
    )
    expect(claimed(mask, scene.truth, (i) => i / WORK >= seam)).toBeLessThan(
      0.05
    )
  })

  it("separates a handbag from a floor of coarse stripes beside a plain wall", async () => {
    const scene = await composite(HANDBAG, (x, y) =>
      x < WORK * 0.4
        ? [225, 225, 230]
        : Math.floor((x + y) / 3) % 2
          ? [140, 110, 90]
          : [100, 80, 60]
    )
    const { mask } = segmentRGB(scene.data, scene.w, scene.h)
    expect(iou(mask, scene.truth)).toBeGreaterThan(0.75)
    expect(claimed(mask, scene.truth, () => true)).toBeLessThan(0.08)
  })

  it("finds the product inside a photo of a photo (white print on a dark table)", async () => {
    // the white catalogue photo as a square print, framed by a dark surround
    const p = await product(SHOES)
    const W = WORK,
      m = 18
    const data = Buffer.alloc(W * W * 3)
    const truth = new Uint8Array(W * W)
    const inner = W - 2 * m
    const print = await sharp(p.data, {
      raw: { width: p.w, height: p.h, channels: 3 },
    })
      .resize(inner, inner, { fit: "contain", background: "#ffffff" })
      .raw()
      .toBuffer()
    const printMask = productAlpha(print, inner, inner)
    for (let y = 0; y < W; y++)
      for (let x = 0; x < W; x++) {
        const o = (y * W + x) * 3
        const ix = x - m,
          iy = y - m
        if (ix >= 0 && iy >= 0 && ix < inner && iy < inner) {
          const s = (iy * inner + ix) * 3
          data[o] = print[s]
          data[o + 1] = print[s + 1]
          data[o + 2] = print[s + 2]
          truth[y * W + x] = printMask[iy * inner + ix] > 127 ? 1 : 0
        } else {
          data[o] = 45
          data[o + 1] = 35
          data[o + 2] = 30
        }
      }
    const { mask } = segmentRGB(data, W, W)
    expect(iou(mask, truth)).toBeGreaterThan(0.75)
  })

  it("still cuts a product on one plain backdrop as before", async () => {
    const scene = await composite(TSHIRT, () => [90, 120, 160])
    const { mask } = segmentRGB(scene.data, scene.w, scene.h)
    expect(iou(mask, scene.truth)).toBeGreaterThan(0.85)
  })
})

// OpenCV loads lazily, on the first cut-out: these are the listeners before it ever loaded
const errorListeners = () =>
  ["uncaughtException", "unhandledRejection"].map((e) =>
    (process as NodeJS.EventEmitter).listenerCount(e)
  )
const listenersBeforeOpenCv = errorListeners()

describe("GrabCut cut-out (the shopper's photo path)", () => {
  /** the pixels the cut-out kept (everything it did not paint white) */
  const kept = (cut: Buffer) => {
    const m = new Uint8Array(cut.length / 3)
    for (let i = 0; i < m.length; i++)
      m[i] =
        cut[3 * i] === 255 && cut[3 * i + 1] === 255 && cut[3 * i + 2] === 255
          ? 0
          : 1
    return m
  }
  // a plain wall above a strip of floor: a second surface on too little of the border for the flood's
  // several-surface model, which then cuts the product badly
  const floor = (x: number, y: number) => y > WORK * 0.85
  const paint = (x: number, y: number): [number, number, number] =>
    floor(x, y) ? [70, 90, 60] : [205, 200, 190]

  it("cuts a product the flood cuts badly off a wall above a strip of floor", async () => {
    const scene = await composite(TSHIRT, paint, 0.6)
    const seg = segmentRGB(scene.data, scene.w, scene.h)
    const floorPx = (i: number) => floor(i % WORK, Math.floor(i / WORK))
    // the premise: the flood alone gets this scene wrong
    expect(iou(seg.mask, scene.truth)).toBeLessThan(0.6)
    const cut = await cutOutOnWhite(scene.data, scene.w, scene.h, seg)
    expect(cut).not.toBeNull()
    const mask = kept(cut!)
    expect(claimed(mask, scene.truth, floorPx)).toBeLessThan(0.05)
    expect(iou(mask, scene.truth)).toBeGreaterThan(0.9)
  })

  it("is deterministic, and keeps the product's own pixels as they were", async () => {
    const scene = await composite(HANDBAG, paint, 0.6)
    const seg = segmentRGB(scene.data, scene.w, scene.h)
    const a = await cutOutOnWhite(scene.data, scene.w, scene.h, seg)
    const b = await cutOutOnWhite(scene.data, scene.w, scene.h, seg)
    expect(a).not.toBeNull()
    expect(Buffer.compare(a!, b!)).toBe(0)
    const mask = kept(a!)
    for (let i = 0; i < mask.length; i++)
      if (mask[i])
        expect([a![3 * i], a![3 * i + 1], a![3 * i + 2]]).toEqual([
          scene.data[3 * i],
          scene.data[3 * i + 1],
          scene.data[3 * i + 2],
        ])
  })

  it("loads OpenCV without leaving its process-wide error listeners behind", async () => {
    const { cv } = await openCv()
    expect(typeof cv.grabCut).toBe("function")
    expect(errorListeners()).toEqual(listenersBeforeOpenCv)
  })

  it("finds nothing in a photo of a plain wall", async () => {
    const W = 96
    const data = Buffer.alloc(W * W * 3, 200)
    const seg = segmentRGB(data, W, W)
    expect(await cutOutOnWhite(data, W, W, seg)).toBeNull()
  })
})
