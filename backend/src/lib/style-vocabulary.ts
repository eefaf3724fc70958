import { garmentFamily, type GarmentFamily } from "./garment-family"
/**
 * The words a shopper's taste is described in, taken from the catalogue:
 * sizes from the variants the seed creates (catalog.ts), styles, colours and
 * genders from the labels every product carries in `metadata` (`usage`,
 * `base_colour`, `gender`, from the source dataset's styles.csv). One list,
 * used by the style-profile validators, the style quiz and recommendations.
 * `style-vocabulary.unit.spec.ts` fails if the catalogue uses a word missing here.
 */
import { APPAREL_SIZES } from "./catalog"

/** Garment families a shopper has a size in. Accessories are one size. */
export const SIZED_FAMILIES = ["top", "bottom", "dress", "shoes"] as const
/** Families a budget can be set for. */
export const FAMILIES = [...SIZED_FAMILIES, "accessories"] as const
export type SizedFamily = (typeof SIZED_FAMILIES)[number]
export type Family = (typeof FAMILIES)[number]

/** EU shoe sizes: the union of the men's (39–46) and women's (36–42) ranges in catalog.ts. */
export const SHOE_SIZES = Array.from({ length: 11 }, (_, i) => String(36 + i))

export const SIZES: Record<SizedFamily, readonly string[]> = {
  top: APPAREL_SIZES,
  bottom: APPAREL_SIZES,
  dress: APPAREL_SIZES,
  shoes: SHOE_SIZES,
}

/** `metadata.usage` values; "NA" (unlabelled) is not a style. Party and Home occur in the full source dataset. */
export const STYLES = [
  "Casual",
  "Formal",
  "Sports",
  "Ethnic",
  "Smart Casual",
  "Travel",
  "Party",
  "Home",
] as const

/** `metadata.base_colour` values ("NA" is not a colour). */
export const COLOURS = [
  "Beige",
  "Black",
  "Blue",
  "Bronze",
  "Brown",
  "Burgundy",
  "Charcoal",
  "Coffee Brown",
  "Copper",
  "Cream",
  "Fluorescent Green",
  "Gold",
  "Green",
  "Grey",
  "Grey Melange",
  "Khaki",
  "Lavender",
  "Lime Green",
  "Magenta",
  "Maroon",
  "Mauve",
  "Metallic",
  "Multi",
  "Mushroom Brown",
  "Mustard",
  "Navy Blue",
  "Nude",
  "Off White",
  "Olive",
  "Orange",
  "Peach",
  "Pink",
  "Purple",
  "Red",
  "Rose",
  "Rust",
  "Sea Green",
  "Silver",
  "Skin",
  "Steel",
  "Tan",
  "Taupe",
  "Teal",
  "Turquoise Blue",
  "White",
  "Yellow",
] as const

/** `metadata.gender` values, which is also the profile's gender focus. */
export const GENDERS = ["Men", "Women", "Boys", "Girls", "Unisex"] as const

export const isStyle = (v: unknown): v is string =>
  typeof v === "string" && (STYLES as readonly string[]).includes(v)
export const isColour = (v: unknown): v is string =>
  typeof v === "string" && (COLOURS as readonly string[]).includes(v)

type ProductLabels =
  | {
      master_category?: unknown
      sub_category?: unknown
      article_type?: unknown
    }
  | null
  | undefined

/** The size scale of each garment family (lib/garment-family.ts): outerwear is sized like tops, bags are one size. */
const SIZE_FAMILY: Record<GarmentFamily, Family> = {
  top: "top",
  outerwear: "top",
  bottom: "bottom",
  dress: "dress",
  shoes: "shoes",
  accessory: "accessories",
  bag: "accessories",
}

/** The size family of a catalogue product, from its metadata labels (the one article-type mapping); null when it is not clothing. */
export function familyOf(metadata: ProductLabels): Family | null {
  const master = String(metadata?.master_category ?? "")
  if (master === "Accessories") return "accessories"
  if (master !== "Apparel" && master !== "Footwear") return null
  const family = garmentFamily(String(metadata?.article_type ?? ""))
  return family ? SIZE_FAMILY[family] : null
}
