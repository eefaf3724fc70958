import { rgbToLab } from "../../modules/visual-search/images/colour"

/**
 * Where the catalogue's colour names sit in sRGB, as they look on product
 * photos (a "Black" T-shirt photographs as a very dark grey, "White" as a
 * light one). Only the names the catalogue actually uses are ever proposed.
 */
const HEX: Record<string, string> = {
  Black: "#222222",
  White: "#f2f2f0",
  Blue: "#3a62a8",
  "Navy Blue": "#232c48",
  Grey: "#8c8c8c",
  "Grey Melange": "#a9a9a9",
  Charcoal: "#454545",
  Purple: "#6c3f8e",
  Lavender: "#b7a2d6",
  Magenta: "#c0267a",
  Brown: "#6b4526",
  "Coffee Brown": "#4a3324",
  Tan: "#c39a6b",
  Beige: "#d8c5a3",
  Cream: "#efe6cf",
  "Off White": "#e9e5d8",
  Khaki: "#b3a46d",
  Red: "#c22a2e",
  Maroon: "#6c1c2a",
  Burgundy: "#7a1f2d",
  Rust: "#a5512b",
  Orange: "#ef8a26",
  Peach: "#f2b596",
  Pink: "#e58aa8",
  Rose: "#d9738a",
  Mauve: "#b185a6",
  Yellow: "#f1cf3b",
  Mustard: "#cf9f2b",
  Gold: "#c8a24c",
  Bronze: "#a56d35",
  Copper: "#b5703a",
  Silver: "#c3c4c6",
  Steel: "#7e8894",
  Metallic: "#a8a9ad",
  Green: "#2f7d3a",
  Olive: "#6b6a30",
  "Sea Green": "#3d9c79",
  "Lime Green": "#9ccc35",
  "Fluorescent Green": "#86f23a",
  Teal: "#207a7a",
  "Turquoise Blue": "#36b3c6",
  Nude: "#e2b79a",
  Skin: "#e6bfa0",
  "Mushroom Brown": "#8b7761",
  Taupe: "#8a7c6a",
}
const LAB = new Map(
  Object.entries(HEX).map(([name, hex]) => {
    const n = parseInt(hex.slice(1), 16)
    return [name, rgbToLab((n >> 16) & 255, (n >> 8) & 255, n & 255)]
  })
)

/**
 * Shares of the garment's pixels nearest to each named colour (Lab, with
 * lightness weighted down: shading changes lightness more than hue).
 * `names` restricts the palette to the catalogue's colours.
 */
export function colourShares(
  pixels: [number, number, number][],
  names?: Iterable<string>
): Map<string, number> {
  const allowed = names ? [...names].filter((n) => LAB.has(n)) : [...LAB.keys()]
  const palette = (allowed.length ? allowed : [...LAB.keys()]).map(
    (n) => [n, LAB.get(n)!] as const
  )
  const votes = new Map<string, number>()
  const cache = new Map<number, string>()
  for (const [r, g, b] of pixels) {
    // quantised to 5 bits per channel: a photo's pixels repeat a lot
    const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)
    let name = cache.get(key)
    if (!name) {
      const [L, A, B] = rgbToLab(r, g, b)
      let best = Infinity
      for (const [n, [l, a, bb]] of palette) {
        const d = 0.5 * (L - l) ** 2 + (A - a) ** 2 + (B - bb) ** 2
        if (d < best) {
          best = d
          name = n
        }
      }
      cache.set(key, name!)
    }
    votes.set(name!, (votes.get(name!) ?? 0) + 1)
  }
  const total = pixels.length || 1
  return new Map([...votes.entries()].map(([n, v]) => [n, v / total]))
}

export function knownColourName(name: string) {
  return LAB.has(name)
}
