import {
  Box,
  Rand,
  blank,
  cutout,
  finish,
  overlaySvg,
  paint,
  paste,
  pick,
  placeProduct,
  plainBackdrop,
  transform,
  uni,
} from "./common"

const SKIN: [number, number, number][] = [
  [241, 194, 167],
  [224, 172, 138],
  [198, 134, 96],
  [141, 85, 54],
  [92, 58, 40],
]

/**
 * (d) Partial occlusion: the product on a plain or gradient backdrop with one
 * or two things in front of it — a hand (palm and fingers) reaching in from an
 * edge, a bag strap across the picture, or another garment (a second
 * catalogue product, `other`) lying over one side. Each covers roughly 8–30%
 * of the product's box.
 */
export async function occludedPhoto(
  jpeg: Buffer,
  rand: Rand,
  other?: Buffer
): Promise<Buffer> {
  const W = Math.round(uni(rand, 300, 400)),
    H = Math.round(W * uni(rand, 0.9, 1.3))
  const canvas = blank(W, H)
  paint(canvas, plainBackdrop(rand))
  const box = await placeProduct(canvas, await cutout(jpeg), rand, 10)
  const kinds = ["hand", "strap", "garment"].filter(
    (k) => k !== "garment" || other
  )
  const n = rand() < 0.3 ? 2 : 1
  let out = canvas
  for (let i = 0; i < n; i++) {
    const kind = pick(rand, kinds)
    if (kind === "garment") {
      const o = await cutout(other!)
      const size = uni(rand, 0.45, 0.75) * Math.max(box.w, box.h)
      const t = await transform(o, {
        width: (o.width * size) / Math.max(o.width, o.height),
        angle: uni(rand, -30, 30),
      })
      // over one side of the product's box: a third to a half of it inside the box
      const side = Math.floor(rand() * 4)
      const inside = uni(rand, 0.3, 0.5)
      const cx =
        side === 0
          ? box.x - t.width * (1 - inside)
          : side === 1
            ? box.x + box.w - t.width * inside
            : box.x + uni(rand, 0, box.w - t.width)
      const cy =
        side === 2
          ? box.y - t.height * (1 - inside)
          : side === 3
            ? box.y + box.h - t.height * inside
            : box.y + uni(rand, 0, box.h - t.height)
      paste(out, t, cx, cy)
    } else
      out = await overlaySvg(
        out,
        `<svg width="${W}" height="${H}">${kind === "hand" ? hand(box, rand) : strap(box, W, H, rand)}</svg>`
      )
  }
  return finish(out, rand)
}

/** A palm and four fingers entering the product's box from one edge. */
function hand(box: Box, rand: Rand): string {
  const [r, g, b] = pick(rand, SKIN)
  const s = uni(rand, 0.3, 0.5) * Math.min(box.w, box.h) // palm width
  const edge = Math.floor(rand() * 4)
  // the palm's centre on the box's edge, pushed inwards a little
  const along = uni(rand, 0.2, 0.8)
  const [cx, cy, ang] =
    edge === 0
      ? [box.x + along * box.w, box.y + box.h + s * 0.3, -90]
      : edge === 1
        ? [box.x + along * box.w, box.y - s * 0.3, 90]
        : edge === 2
          ? [box.x - s * 0.3, box.y + along * box.h, 0]
          : [box.x + box.w + s * 0.3, box.y + along * box.h, 180]
  const fingers = [-0.36, -0.12, 0.12, 0.36]
    .map(
      (o, i) =>
        `<rect x="${(s * 0.35).toFixed(1)}" y="${(o * s - s * 0.1).toFixed(1)}" width="${(s * (0.75 + (i === 1 || i === 2 ? 0.15 : 0))).toFixed(1)}" height="${(s * 0.2).toFixed(1)}" rx="${(s * 0.1).toFixed(1)}"/>`
    )
    .join("")
  return `<g transform="translate(${cx.toFixed(1)} ${cy.toFixed(1)}) rotate(${(ang + uni(rand, -25, 25)).toFixed(1)})" fill="rgb(${r},${g},${b})"><ellipse cx="0" cy="0" rx="${(s * 0.55).toFixed(1)}" ry="${(s * 0.5).toFixed(1)}"/><rect x="${(-s * 1.5).toFixed(1)}" y="${(-s * 0.4).toFixed(1)}" width="${(s * 1.5).toFixed(1)}" height="${(s * 0.8).toFixed(1)}"/>${fingers}</g>`
}

/** A bag strap (a band with two stitched edges) across the product. */
function strap(box: Box, W: number, H: number, rand: Rand): string {
  const colour = pick(rand, [
    "rgb(30,30,30)",
    "rgb(101,67,33)",
    "rgb(196,154,108)",
    "rgb(120,20,30)",
    "rgb(40,50,90)",
  ])
  const width = uni(rand, 0.06, 0.14) * Math.min(box.w, box.h)
  const cx = box.x + uni(rand, 0.3, 0.7) * box.w,
    cy = box.y + uni(rand, 0.3, 0.7) * box.h
  const ang = uni(rand, 0, 180)
  const L = 2 * Math.hypot(W, H)
  return `<g transform="translate(${cx.toFixed(1)} ${cy.toFixed(1)}) rotate(${ang.toFixed(1)})"><rect x="${-L / 2}" y="${(-width / 2).toFixed(1)}" width="${L}" height="${width.toFixed(1)}" fill="${colour}"/><line x1="${-L / 2}" y1="${(-width * 0.35).toFixed(1)}" x2="${L / 2}" y2="${(-width * 0.35).toFixed(1)}" stroke="rgb(220,210,190)" stroke-width="1" stroke-dasharray="3 3"/><line x1="${-L / 2}" y1="${(width * 0.35).toFixed(1)}" x2="${L / 2}" y2="${(width * 0.35).toFixed(1)}" stroke="rgb(220,210,190)" stroke-width="1" stroke-dasharray="3 3"/></g>`
}
