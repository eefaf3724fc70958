import { Rand } from "./common"
import { uniformPhoto } from "./uniform"
import { mixedBackgroundPhoto } from "./mixed"
import { framedPhoto } from "./framed"
import { occludedPhoto } from "./occluded"
import { lightingPhoto } from "./lighting"

export { mulberry32 } from "../shopper-photo"

/**
 * The evaluation's shopper-photo generators, by name. Each takes a catalogue
 * photo and a seeded PRNG (and, for occlusion, another catalogue photo to lay
 * over it) and returns JPEG bytes. Never train on these: the learned heads'
 * augmentations live in tools/visual-search.
 */
export const GENERATORS: Record<
  string,
  (jpeg: Buffer, rand: Rand, other?: Buffer) => Promise<Buffer>
> = {
  uniform: uniformPhoto,
  mixed: mixedBackgroundPhoto,
  framed: framedPhoto,
  occluded: occludedPhoto,
  lighting: lightingPhoto,
}
