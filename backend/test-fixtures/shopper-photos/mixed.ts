import {
  Rand,
  blank,
  cast,
  cutout,
  decode,
  finish,
  multiRegionBackground,
  placeProduct,
  transform,
  paste,
  uni,
} from "./common"

/**
 * (b) Mixed backgrounds: the picture holds two or more background regions.
 * Half the photos put the product on a scene of 2–4 textured surfaces split by
 * straight seams (wall and floor, bed and door…); the other half keep the
 * catalogue photo whole (its own light backdrop included), shrink it to
 * 55–85% of the frame and tilt it by up to ±15° on a differently coloured,
 * textured surround (a printed photo lying on a table, a photo of a photo).
 */
export async function mixedBackgroundPhoto(
  jpeg: Buffer,
  rand: Rand
): Promise<Buffer> {
  const W = Math.round(uni(rand, 300, 420)),
    H = Math.round(W * uni(rand, 0.9, 1.35))
  let canvas
  if (rand() < 0.5) {
    canvas = multiRegionBackground(W, H, rand)
    await placeProduct(canvas, await cutout(jpeg), rand, 15)
  } else {
    canvas = multiRegionBackground(W, H, rand, 1 + Math.floor(rand() * 2))
    const whole = await decode(jpeg)
    const target = uni(rand, 0.55, 0.85) * Math.min(W, H)
    const photo = await transform(
      { ...whole, channels: 3 },
      {
        width: (whole.width * target) / Math.max(whole.width, whole.height),
        angle: uni(rand, -15, 15),
      }
    )
    paste(
      canvas,
      photo,
      uni(rand, 0, Math.max(0, W - photo.width)),
      uni(rand, 0, Math.max(0, H - photo.height))
    )
  }
  cast(canvas ?? blank(1, 1), [
    uni(rand, 0.9, 1.1),
    uni(rand, 0.9, 1.1),
    uni(rand, 0.9, 1.1),
  ])
  return finish(canvas, rand)
}
