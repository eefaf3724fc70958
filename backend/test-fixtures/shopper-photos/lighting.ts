import {
  Raw,
  Rand,
  blank,
  cutout,
  finish,
  overlaySvg,
  paint,
  pick,
  placeProduct,
  plainBackdrop,
  uni,
  clamp255,
} from "./common"

/**
 * (e) Strong lighting: the product on a plain or gradient backdrop, then two
 * or three of — under/over-exposure (gain 0.45–1.7 with a gamma), a strong
 * colour temperature (tungsten orange, shade blue, fluorescent green), a
 * hard-edged cast shadow across part of the picture, a light falling off
 * from one side, a vignette.
 */
export async function lightingPhoto(jpeg: Buffer, rand: Rand): Promise<Buffer> {
  const W = Math.round(uni(rand, 300, 400)),
    H = Math.round(W * uni(rand, 0.9, 1.3))
  let img: Raw = blank(W, H)
  paint(img, plainBackdrop(rand))
  await placeProduct(img, await cutout(jpeg), rand, 10)
  const effects = ["exposure", "temperature", "shadow", "falloff", "vignette"]
  // shuffle, take 2–3
  for (let i = effects.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[effects[i], effects[j]] = [effects[j], effects[i]]
  }
  for (const e of effects.slice(0, 2 + Math.floor(rand() * 2))) {
    if (e === "exposure") {
      const gain = rand() < 0.5 ? uni(rand, 0.45, 0.75) : uni(rand, 1.25, 1.7)
      const gamma = uni(rand, 0.8, 1.25)
      const lut = Array.from({ length: 256 }, (_, v) =>
        clamp255(Math.round(255 * Math.pow((v / 255) * gain, gamma)))
      )
      for (let i = 0; i < img.data.length; i++) img.data[i] = lut[img.data[i]]
    } else if (e === "temperature") {
      const k = pick(rand, [
        [1.25, 1.0, 0.65],
        [1.15, 0.95, 0.7],
        [0.78, 0.95, 1.3],
        [0.9, 1.12, 0.85],
      ])
      for (let i = 0; i < W * H; i++)
        for (let c = 0; c < 3; c++)
          img.data[i * 3 + c] = clamp255(Math.round(img.data[i * 3 + c] * k[c]))
    } else if (e === "shadow") {
      // a polygon from one edge covering 20–50% of the picture, multiplied on
      const pts = shadowPolygon(W, H, rand)
      const dark = Math.round(uni(rand, 70, 150))
      const soft = uni(rand, 0, 4)
      img = await overlaySvg(
        img,
        `<svg width="${W}" height="${H}"><defs><filter id="b"><feGaussianBlur stdDeviation="${soft.toFixed(1)}"/></filter></defs><rect width="${W}" height="${H}" fill="white"/><polygon points="${pts}" fill="rgb(${dark},${dark},${Math.min(255, dark + 15)})" filter="url(#b)"/></svg>`,
        "multiply"
      )
    } else if (e === "falloff") {
      const ang = uni(rand, 0, 360)
      const low = Math.round(uni(rand, 50, 130))
      img = await overlaySvg(
        img,
        `<svg width="${W}" height="${H}"><defs><linearGradient id="f" gradientTransform="rotate(${ang.toFixed(0)} 0.5 0.5)"><stop offset="0" stop-color="white"/><stop offset="1" stop-color="rgb(${low},${low},${low})"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#f)"/></svg>`,
        "multiply"
      )
    } else {
      const edge = Math.round(uni(rand, 40, 110))
      img = await overlaySvg(
        img,
        `<svg width="${W}" height="${H}"><defs><radialGradient id="v" r="0.75"><stop offset="0.45" stop-color="white"/><stop offset="1" stop-color="rgb(${edge},${edge},${edge})"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#v)"/></svg>`,
        "multiply"
      )
    }
  }
  return finish(img, rand)
}

function shadowPolygon(W: number, H: number, rand: Rand): string {
  const side = Math.floor(rand() * 4)
  const a = uni(rand, 0.2, 0.6),
    b = uni(rand, 0.2, 0.6)
  const pts: [number, number][] =
    side === 0
      ? [
          [0, 0],
          [a * W, 0],
          [b * W, H],
          [0, H],
        ]
      : side === 1
        ? [
            [W, 0],
            [W - a * W, 0],
            [W - b * W, H],
            [W, H],
          ]
        : side === 2
          ? [
              [0, 0],
              [W, 0],
              [W, a * H],
              [0, b * H],
            ]
          : [
              [0, H],
              [W, H],
              [W, H - a * H],
              [0, H - b * H],
            ]
  return pts.map(([x, y]) => `${x.toFixed(0)},${y.toFixed(0)}`).join(" ")
}
