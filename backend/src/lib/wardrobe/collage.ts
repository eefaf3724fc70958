import sharp from "sharp"

const TILE = 320
const GAP = 12

/**
 * An outfit's collage: its pictures in order on a light board, two columns
 * (one column for a single piece), each fitted into a square tile.
 */
export async function collage(pictures: Buffer[]): Promise<Buffer> {
  const cols = pictures.length <= 1 ? 1 : 2
  const rows = Math.max(1, Math.ceil(pictures.length / cols))
  const width = cols * TILE + (cols + 1) * GAP
  const height = rows * TILE + (rows + 1) * GAP
  const tiles = await Promise.all(
    pictures.map(async (p, i) => ({
      input: await sharp(p, { limitInputPixels: 40_000_000 })
        .resize(TILE, TILE, { fit: "contain", background: "#ffffff" })
        .flatten({ background: "#ffffff" })
        .jpeg()
        .toBuffer(),
      left: GAP + (i % cols) * (TILE + GAP),
      top: GAP + Math.floor(i / cols) * (TILE + GAP),
    }))
  )
  return sharp({
    create: { width, height, channels: 3, background: "#eeece8" },
  })
    .composite(tiles)
    .jpeg({ quality: 85 })
    .toBuffer()
}
