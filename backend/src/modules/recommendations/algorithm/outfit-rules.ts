/**
 * Explicit outfit rules on the catalogue's labels (`metadata.gender`,
 * `usage`, `season`, `base_colour`).
 *
 * Colour harmony (documented rule): neutrals (black, white, greys, navy,
 * beige, browns, denim blue…) go with everything; two different loud
 * (non-neutral) colours in one outfit are avoided; the same loud colour twice
 * is allowed (tonal).
 */
export const NEUTRALS = new Set([
  "Black",
  "White",
  "Off White",
  "Grey",
  "Grey Melange",
  "Charcoal",
  "Navy Blue",
  "Beige",
  "Cream",
  "Brown",
  "Coffee Brown",
  "Mushroom Brown",
  "Tan",
  "Taupe",
  "Khaki",
  "Nude",
  "Skin",
  "Steel",
  "Silver",
  "Blue",
  "Olive",
])

export const isNeutral = (colour: string | null | undefined) =>
  !colour || colour === "NA" || NEUTRALS.has(colour)

/** True when `colour` can join an outfit whose colours are `outfit`. */
export function coloursGo(
  outfit: (string | null | undefined)[],
  colour: string | null | undefined
): boolean {
  if (isNeutral(colour)) return true
  return outfit.every((c) => isNeutral(c) || c === colour)
}

/** Genders that may share an outfit: the same, or Unisex with anything. */
export function gendersGo(
  a: string | null | undefined,
  b: string | null | undefined
): boolean {
  if (!a || !b || a === "Unisex" || b === "Unisex") return true
  return a === b
}

/** Seasons go together when equal, or unknown; Summer/Spring and Fall/Winter are neighbours. */
export function seasonsGo(
  a: string | null | undefined,
  b: string | null | undefined
): boolean {
  if (!a || !b || a === b) return true
  const warm = new Set(["Summer", "Spring"])
  const cold = new Set(["Fall", "Winter"])
  return (warm.has(a) && warm.has(b)) || (cold.has(a) && cold.has(b))
}

/** Usage (occasion) goes together when equal or unknown/NA. */
export function usagesGo(
  a: string | null | undefined,
  b: string | null | undefined
): boolean {
  if (!a || !b || a === "NA" || b === "NA") return true
  return a === b
}

export type Slot =
  "top" | "bottom" | "one_piece" | "outerwear" | "shoes" | "accessory" | "bag"

const OUTERWEAR = new Set([
  "Jackets",
  "Blazers",
  "Sweaters",
  "Sweatshirts",
  "Waistcoat",
  "Rain Jacket",
  "Shrug",
  "Nehru Jackets",
])

/** The outfit slot of a product from its labels; null when it is not wearable in an outfit. */
export function slotOf(
  m: Record<string, unknown> | null | undefined
): Slot | null {
  const master = String(m?.master_category ?? "")
  const sub = String(m?.sub_category ?? "")
  const article = String(m?.article_type ?? "")
  if (master === "Footwear") return "shoes"
  if (master === "Accessories")
    return sub === "Bags" || /bag|backpack|clutch|wallet/i.test(article)
      ? "bag"
      : "accessory"
  if (master !== "Apparel") return null
  if (sub === "Dress" || article === "Dresses" || article === "Jumpsuit")
    return "one_piece"
  if (sub === "Topwear") return OUTERWEAR.has(article) ? "outerwear" : "top"
  if (sub === "Bottomwear") return "bottom"
  return null // innerwear, nightwear, socks: not outfit pieces
}

/** Season of a date for a hemisphere. */
export function seasonOn(
  date: Date,
  southern = false
): "Winter" | "Spring" | "Summer" | "Fall" {
  const m = date.getUTCMonth()
  const north =
    m <= 1 || m === 11
      ? "Winter"
      : m <= 4
        ? "Spring"
        : m <= 7
          ? "Summer"
          : "Fall"
  if (!southern) return north
  return (
    {
      Winter: "Summer",
      Summer: "Winter",
      Spring: "Fall",
      Fall: "Spring",
    } as const
  )[north]
}
