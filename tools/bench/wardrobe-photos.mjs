// Shopper photos for the wardrobe evaluation and tuning: products of the shared
// dataset that are NOT in the demo catalogue, only of article types the
// catalogue has (a type it has never seen cannot be named in its words).
import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { readStyles, DATASET_DIR, SELLABLE_MASTER } from "../lib/dataset.mjs"
import { BACKEND } from "../../scripts/lib/proc.mjs"

export function evalQueries(n, minType = 3, offset = 0) {
  const demoRows = readStyles(path.join(BACKEND, "data/demo-catalog"))
  const demoIds = new Set(demoRows.map((r) => r.id))
  const typeCount = new Map()
  for (const r of demoRows)
    typeCount.set(r.articleType, (typeCount.get(r.articleType) ?? 0) + 1)
  const catalogueColours = new Set(demoRows.map((r) => r.baseColour))
  const pool = readStyles(DATASET_DIR)
    .filter(
      (r) =>
        SELLABLE_MASTER.has(r.masterCategory) &&
        !demoIds.has(r.id) &&
        (typeCount.get(r.articleType) ?? 0) >= minType &&
        fs.existsSync(path.join(DATASET_DIR, "images", `${r.id}.jpg`))
    )
    .sort((a, b) => Number(a.id) - Number(b.id))
  const k = Math.min(n, pool.length)
  // evenly spread over the ids; `offset` picks a disjoint sample (tuning) beside the evaluation's
  const queries = Array.from(
    { length: k },
    (_, i) => pool[(Math.floor((i * pool.length) / k) + offset) % pool.length]
  )
  return { demoRows, catalogueColours, queries }
}

/** Alpha of the product on its studio photo: near-white pixels flood-filled from the border are background. */
function studioAlpha(px, w, h) {
  const bg = new Uint8Array(w * h)
  const near = (i) =>
    px[i * 3] > 232 && px[i * 3 + 1] > 232 && px[i * 3 + 2] > 232
  const stack = []
  const seed = (i) => {
    if (!bg[i] && near(i)) {
      bg[i] = 1
      stack.push(i)
    }
  }
  for (let x = 0; x < w; x++) {
    seed(x)
    seed((h - 1) * w + x)
  }
  for (let y = 0; y < h; y++) {
    seed(y * w)
    seed(y * w + w - 1)
  }
  while (stack.length) {
    const i = stack.pop(),
      x = i % w
    if (x > 0) seed(i - 1)
    if (x < w - 1) seed(i + 1)
    if (i >= w) seed(i - w)
    if (i < (h - 1) * w) seed(i + w)
  }
  const a = Buffer.alloc(w * h)
  for (let i = 0; i < w * h; i++) a[i] = bg[i] ? 0 : 255
  return a
}

/**
 * Our own augmentation, beside the visual eval's restaging: the garment cut
 * from its studio photo and laid on a background of two regions (a wall and
 * a floor, a bed and a blanket), uneven light across the photo, a loose crop
 * and JPEG recompression.
 */
export async function mixedBackgroundPhoto(jpeg, rand) {
  const uni = (a, b) => a + (b - a) * rand()
  const { data: px, info } = await sharp(jpeg)
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true })
  const w = info.width,
    h = info.height
  const alpha = await sharp(studioAlpha(px, w, h), {
    raw: { width: w, height: h, channels: 1 },
  })
    .blur(0.8)
    .extractChannel(0)
    .raw()
    .toBuffer()
  const W = Math.round(w * uni(1.1, 1.5)),
    H = Math.round(h * uni(1.1, 1.5))
  const c1 = [uni(40, 240), uni(40, 240), uni(40, 240)].map(Math.round),
    c2 = [uni(40, 240), uni(40, 240), uni(40, 240)].map(Math.round)
  const split = uni(0.3, 0.7),
    vertical = rand() < 0.5,
    light = uni(0.8, 1.2),
    ramp = uni(-0.2, 0.2)
  const left = Math.round(uni(0, W - w)),
    top = Math.round(uni(0, H - h))
  const out = Buffer.alloc(W * H * 3)
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const c = (vertical ? x / W : y / H) < split ? c1 : c2
      const noise = (rand() - 0.5) * 16
      const sx = x - left,
        sy = y - top
      const a =
        sx >= 0 && sy >= 0 && sx < w && sy < h ? alpha[sy * w + sx] / 255 : 0
      const f = light * (1 + ramp * (x / W - 0.5) * 2)
      for (let k = 0; k < 3; k++) {
        const fg = a ? px[(sy * w + sx) * 3 + k] : 0
        out[(y * W + x) * 3 + k] = Math.max(
          0,
          Math.min(255, Math.round((a * fg + (1 - a) * (c[k] + noise)) * f))
        )
      }
    }
  const cx = Math.round(uni(0, 0.08) * W),
    cy = Math.round(uni(0, 0.08) * H)
  const side = Math.round(uni(200, 480))
  return sharp(out, { raw: { width: W, height: H, channels: 3 } })
    .extract({
      left: cx,
      top: cy,
      width: W - cx - Math.round(uni(0, 0.08) * W),
      height: H - cy - Math.round(uni(0, 0.08) * H),
    })
    .resize(side, side, { fit: "inside" })
    .jpeg({ quality: Math.round(uni(60, 90)) })
    .toBuffer()
}
