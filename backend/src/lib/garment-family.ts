/**
 * The garment family of a catalogue article type — the one mapping every
 * feature uses (wardrobe, style-profile sizes, recommendations). Families
 * are coarse on purpose: they pick a size scale and an outfit slot.
 */
export const GARMENT_FAMILIES = [
  "top",
  "bottom",
  "dress",
  "shoes",
  "accessory",
  "outerwear",
  "bag",
] as const
export type GarmentFamily = (typeof GARMENT_FAMILIES)[number]

const BY_ARTICLE_TYPE: Record<string, GarmentFamily> = {
  // tops
  Tshirts: "top",
  Shirts: "top",
  Tops: "top",
  Kurtas: "top",
  Kurtis: "top",
  Tunics: "top",
  Sweaters: "top",
  Sweatshirts: "top",
  Shrug: "top",
  Waistcoat: "top",
  Dupatta: "top",
  "Innerwear Vests": "top",
  Bra: "top",
  // outerwear
  Jackets: "outerwear",
  Blazers: "outerwear",
  Coats: "outerwear",
  "Rain Jacket": "outerwear",
  // bottoms
  Jeans: "bottom",
  Trousers: "bottom",
  Shorts: "bottom",
  Skirts: "bottom",
  Capris: "bottom",
  Leggings: "bottom",
  "Track Pants": "bottom",
  Tracksuits: "bottom",
  Churidar: "bottom",
  Tights: "bottom",
  Stockings: "bottom",
  "Lounge Pants": "bottom",
  "Lounge Shorts": "bottom",
  Briefs: "bottom",
  Boxers: "bottom",
  Trunk: "bottom",
  // dresses
  Dresses: "dress",
  Jumpsuit: "dress",
  "Night suits": "dress",
  Nightdress: "dress",
  // shoes
  "Casual Shoes": "shoes",
  "Sports Shoes": "shoes",
  "Formal Shoes": "shoes",
  Heels: "shoes",
  Flats: "shoes",
  Sandals: "shoes",
  "Sports Sandals": "shoes",
  "Flip Flops": "shoes",
  Booties: "shoes",
  // bags
  Handbags: "bag",
  Backpacks: "bag",
  Clutches: "bag",
  "Duffel Bag": "bag",
  "Laptop Bag": "bag",
  "Messenger Bag": "bag",
  "Mobile Pouch": "bag",
  Rucksacks: "bag",
  "Waist Pouch": "bag",
  "Travel Accessory": "bag",
}

/**
 * `Tshirts` → `top`. Unknown article types that are not clothing (watches,
 * belts, jewellery…) are accessories; null when no article type is known.
 */
export function garmentFamily(
  articleType: string | null | undefined
): GarmentFamily | null {
  if (!articleType) return null
  return BY_ARTICLE_TYPE[articleType] ?? "accessory"
}
