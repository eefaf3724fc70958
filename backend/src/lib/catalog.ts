/**
 * Turns a labelled fashion photo (Myntra styles.csv row) into a sellable
 * product: sizes by garment kind, prices in both currencies and stock per
 * warehouse. Pure and deterministic (seeded by the source id), so a re-seed
 * produces the same catalogue and evaluations can rely on the labels.
 */
export type StyleRow = {
  id: string
  gender: string
  masterCategory: string
  subCategory: string
  articleType: string
  baseColour: string
  season: string
  year: string
  usage: string
}

export const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
export const ONE_SIZE = "One Size"

export type Warehouse = "eu" | "us"

export type PlannedVariant = {
  size: string
  sku: string
  prices: { eur: number; usd: number }
  stock: Record<Warehouse, number>
}

export type PlannedProduct = {
  handle: string
  title: string
  description: string
  categoryPath: [string, string, string]
  tags: string[]
  metadata: Record<string, string>
  variants: PlannedVariant[]
  imageFile: string
}

const BASE_PRICE_EUR: Record<string, number> = {
  Tshirts: 19,
  Shirts: 35,
  Tops: 25,
  Kurtas: 39,
  Kurtis: 32,
  Sweaters: 45,
  Sweatshirts: 42,
  Jackets: 89,
  Trousers: 49,
  Jeans: 59,
  Shorts: 25,
  "Track Pants": 35,
  Capris: 29,
  Skirts: 35,
  Dresses: 59,
  Tunics: 32,
  Leggings: 19,
  Briefs: 9,
  "Innerwear Vests": 9,
  Socks: 7,
  Trunk: 12,
  "Casual Shoes": 69,
  "Sports Shoes": 79,
  "Formal Shoes": 99,
  Heels: 69,
  Flats: 45,
  Sandals: 39,
  "Flip Flops": 15,
  "Sports Sandals": 35,
  Watches: 119,
  Handbags: 79,
  Sunglasses: 59,
  Wallets: 29,
  Belts: 25,
  Backpacks: 49,
  Caps: 15,
  Ties: 19,
  Clutches: 45,
  Mufflers: 19,
  Scarves: 22,
  Cufflinks: 25,
  "Laptop Bag": 59,
  "Duffel Bag": 55,
}

/** Mulberry32: a tiny seeded PRNG so the catalogue is identical on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function slugify(s: string) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
}

export function sizesFor(row: StyleRow): string[] {
  if (row.masterCategory === "Footwear") {
    const [lo, hi] =
      row.gender === "Women" || row.gender === "Girls"
        ? [36, 42]
        : row.gender === "Men"
          ? [39, 46]
          : [36, 46]
    return Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i))
  }
  if (row.masterCategory === "Apparel" && row.subCategory !== "Socks")
    return APPAREL_SIZES
  return [ONE_SIZE]
}

const singular = (t: string) =>
  (
    ({
      Tshirts: "T-Shirt",
      Jeans: "Jeans",
      Trousers: "Trousers",
      Shorts: "Shorts",
      "Track Pants": "Track Pants",
      Capris: "Capris",
      Leggings: "Leggings",
      Briefs: "Briefs",
      Socks: "Socks",
      "Flip Flops": "Flip Flops",
      Sunglasses: "Sunglasses",
      Cufflinks: "Cufflinks",
      "Casual Shoes": "Casual Shoes",
      "Sports Shoes": "Sports Shoes",
      "Formal Shoes": "Formal Shoes",
      Heels: "Heels",
      Flats: "Flats",
      Sandals: "Sandals",
      "Sports Sandals": "Sports Sandals",
      Trunk: "Trunks",
      Tracksuits: "Tracksuit",
      "Innerwear Vests": "Innerwear Vest",
    }) as Record<string, string>
  )[t] ?? t.replace(/s$/, "")

const possessive = (g: string) =>
  (
    ({
      Men: "Men's",
      Women: "Women's",
      Boys: "Boys'",
      Girls: "Girls'",
    }) as Record<string, string>
  )[g] ?? "Unisex"

const price = (eur: number) => Math.max(4.99, Math.round(eur) - 0.01)

export function planProduct(row: StyleRow): PlannedProduct {
  const rand = prng(Number(row.id) * 2654435761)
  const colour = row.baseColour && row.baseColour !== "NA" ? row.baseColour : ""
  const kind = singular(row.articleType)
  const title = [possessive(row.gender), colour, kind].filter(Boolean).join(" ")
  const base = BASE_PRICE_EUR[row.articleType] ?? 29
  const eur = price(base * (0.7 + rand() * 0.9))
  const usd = price(eur * 1.1)
  // ~10% of products are sold only from the EU warehouse, ~8% only from the US one:
  // availability then genuinely depends on the shopper's region.
  const reach = rand()
  const euOnly = reach < 0.1
  const usOnly = reach >= 0.1 && reach < 0.18
  const qty = () => (rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 24))
  const variants = sizesFor(row).map((size) => ({
    size,
    sku: `CUR-${row.id}-${slugify(size).toUpperCase()}`,
    prices: { eur, usd },
    stock: { eu: usOnly ? 0 : qty(), us: euOnly ? 0 : qty() },
  }))
  const describe = [
    `${row.usage !== "NA" ? row.usage : "Everyday"} ${kind.toLowerCase()} in ${colour ? colour.toLowerCase() : "a classic colour"}`,
    row.season ? `made for ${row.season.toLowerCase()}` : "",
  ]
    .filter(Boolean)
    .join(", ")
  return {
    handle: `${slugify(title)}-${row.id}`,
    title,
    description: `${describe}. ${row.subCategory} from our ${row.gender.toLowerCase()}'s ${row.masterCategory.toLowerCase()} collection.`,
    categoryPath: [row.gender, row.masterCategory, row.articleType],
    tags: [
      colour && `colour:${colour}`,
      row.season && `season:${row.season}`,
      row.usage && row.usage !== "NA" && `usage:${row.usage}`,
    ].filter(Boolean) as string[],
    metadata: {
      source_id: row.id,
      article_type: row.articleType,
      base_colour: row.baseColour,
      gender: row.gender,
      master_category: row.masterCategory,
      sub_category: row.subCategory,
      season: row.season,
      usage: row.usage,
    },
    variants,
    imageFile: `${row.id}.jpg`,
  }
}

export function parseStylesCsv(text: string): StyleRow[] {
  const [header, ...lines] = text.trim().split(/\r?\n/)
  const keys = header.split(",")
  return lines.filter(Boolean).map((line) => {
    const cells = line.split(",")
    return Object.fromEntries(
      keys.map((k, i) => [k, (cells[i] ?? "").trim()])
    ) as StyleRow
  })
}
