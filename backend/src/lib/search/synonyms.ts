/**
 * Fashion words shoppers use for the same thing. Applied at index time: a
 * product whose title, article type or category names contain one phrase of a
 * group is indexed with every phrase of it (the `synonyms` field), so a query
 * in any of the words finds it on every engine (Postgres and Meilisearch)
 * without query rewriting.
 */
export const SYNONYM_GROUPS: string[][] = [
  ["t-shirt", "t-shirts", "tshirt", "tshirts", "tee", "tees"],
  [
    "sports shoes",
    "sneakers",
    "sneaker",
    "trainers",
    "trainer",
    "running shoes",
  ],
  ["casual shoes", "sneakers", "sneaker", "trainers", "trainer"],
  ["trousers", "trouser", "pants", "slacks", "chinos"],
  ["track pants", "joggers", "sweatpants", "pants"],
  ["jeans", "denim", "denims"],
  ["sweater", "sweaters", "jumper", "jumpers", "pullover", "knitwear"],
  ["sweatshirt", "sweatshirts", "hoodie", "hoodies"],
  ["jacket", "jackets", "coat", "coats"],
  ["flip flops", "flip-flops", "thongs", "slippers"],
  ["handbag", "handbags", "purse", "tote", "bag"],
  ["heels", "pumps", "stilettos"],
  ["sunglasses", "shades", "sunnies"],
  ["dress", "dresses", "frock", "gown"],
  ["cap", "caps", "hat", "hats"],
  ["scarf", "scarves", "muffler", "mufflers", "stole"],
  ["backpack", "backpacks", "rucksack"],
  ["briefs", "trunks", "trunk", "underwear", "boxers"],
  ["watch", "watches", "timepiece"],
  ["shirt", "shirts", "button-down"],
  ["kurta", "kurtas", "kurti", "kurtis", "tunic"],
]

const norm = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, " ")
    .trim()} `

/** Every synonym of a phrase that occurs in one of the texts (as whole words). */
export function synonymsFor(texts: (string | null | undefined)[]): string[] {
  const hay = norm(texts.filter(Boolean).join(" | "))
  const out = new Set<string>()
  for (const group of SYNONYM_GROUPS) {
    if (group.some((phrase) => hay.includes(norm(phrase))))
      for (const p of group) out.add(p)
  }
  return [...out]
}
