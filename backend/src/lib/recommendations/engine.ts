import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import {
  onForget,
  regionContext,
  STRUCTURE_TTL_MS,
  type SellableVariant,
} from "../offers"
import { familyOf, type Family } from "../style-vocabulary"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"
import { STYLE_PROFILE_MODULE } from "../../modules/style-profile"
import type StyleProfileModuleService from "../../modules/style-profile/service"
import {
  coloursGo,
  gendersGo,
  mmr,
  scoreFromSeeds,
  seasonOn,
  seasonsGo,
  similarity,
  slotOf,
  usagesGo,
  type Slot,
  type TrainedModel,
} from "../../modules/recommendations/algorithm"
import {
  buyableVariants,
  maxFor,
  noneFiltered,
  type Constraints,
  type FilteredOut,
} from "./buyable"
import { Timings } from "../timings"

export type Kind = "product" | "outfit"
export type Anchor = { product_id: string } | { wardrobe_item_id: string }
export type RecommendInput = {
  customer_id: string | null
  region_id: string
  sales_channel_ids: string[]
  kind: Kind
  limit: number
  occasion?: string
  season?: string
  anchor?: Anchor
  /** a visitor's size (public complete-the-look) */
  size?: string
  /** bought-together: the co-occurrence neighbours of this product only */
  together_with?: string
  /** false: an admin preview — nothing is stored, ids are `preview_<n>` */
  persist?: boolean
  /** outfits: the shopper's own clothes plus one new piece */
  mostly_owned?: boolean
  /** pieces: also the same article type and colour as something the shopper owns ("more of what I wear") */
  include_owned_similar?: boolean
}

type Candidate = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  family: Family | null
  slot: Slot | null
  m: Record<string, any>
  score: number
  reason: string
  order: number
}

export type ShownItem = {
  slot: Slot
  product: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
  } | null
  variant: {
    id: string
    size: string | null
    calculated_price: number
    currency_code: string
    in_stock: true
  } | null
  owned: boolean
  wardrobe_item_id: string | null
  /** owned pieces only: what the shopper told us about it */
  article_type?: string | null
  colour?: string | null
}

/** How many catalogue products one request ranks (newest first beyond this are not considered). */
const CANDIDATES = Number(process.env.CURATOR_RECS_CANDIDATES ?? 500)
/**
 * The hybrid's blend: the best content match (labels of what the shopper
 * liked) and the best collaborative match (co-occurrence with it) each score
 * this much; profile answers, merchandising rules, season and popularity add
 * smaller fixed amounts.
 */
const W_CONTENT = 1
const W_COLLAB = 0.6
/** Within the content side: how much each label of what the shopper liked counts. */
const LABEL_WEIGHT = { article_type: 1, base_colour: 0.5, usage: 0.25 } as const
const SOUTHERN = new Set(["au", "nz", "za", "ar", "br", "cl", "uy"])

const money = (amount: number, currency: string) => {
  try {
    return new Intl.NumberFormat("en", {
      style: "currency",
      currency: currency.toUpperCase(),
      maximumFractionDigits: 0,
    }).format(amount)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}

/** The wardrobe module when it is installed (it is optional): resolved by name so this works with and without it. */
function wardrobeOf(container: MedusaContainer): any | null {
  try {
    return container.resolve("wardrobe")
  } catch {
    return null
  }
}

async function ownedItems(
  container: MedusaContainer,
  customerId: string | null
): Promise<any[]> {
  const wardrobe = wardrobeOf(container)
  if (!wardrobe || !customerId) return []
  try {
    return await wardrobe.listWardrobeItems(
      { customer_id: customerId, archived: false },
      { take: 1000 }
    )
  } catch {
    return []
  }
}

/** Size families as the API's slots, for the pieces outfits do not use. */
const SLOT_OF_FAMILY: Record<string, Slot> = {
  top: "top",
  bottom: "bottom",
  dress: "one_piece",
  shoes: "shoes",
  accessories: "accessory",
}

/**
 * A shown piece's slot is always one of the API's: its outfit slot, or for
 * what outfits leave out (innerwear, nightwear, personal care) the slot of its
 * size family, else `accessory`. (A null slot broke the For you page.)
 */
const pieceSlot = (c: Candidate): Slot =>
  c.slot ?? SLOT_OF_FAMILY[c.family ?? ""] ?? "accessory"

const showProduct = (c: Candidate, v: SellableVariant): ShownItem => ({
  slot: pieceSlot(c),
  product: {
    id: c.id,
    title: c.title,
    handle: c.handle,
    thumbnail: c.thumbnail,
  },
  variant: {
    id: v.id,
    size: v.size,
    calculated_price: v.calculated_price,
    currency_code: v.currency_code,
    in_stock: true,
  },
  owned: false,
  wardrobe_item_id: null,
})

const FIELDS = [
  "id",
  "status",
  "title",
  "handle",
  "thumbnail",
  "metadata",
  "collection_id",
  "categories.id",
  "tags.id",
]

type Rule = {
  action: "boost" | "exclude"
  target: "collection" | "category" | "tag"
  target_id: string
  weight: number
}
/** The merchandising rules that apply to a product: its collection, categories and tags. */
const rulesFor = (rules: Rule[], p: any) =>
  rules.filter((r) =>
    r.target === "collection"
      ? p.collection_id === r.target_id
      : r.target === "category"
        ? (p.categories ?? []).some((c: any) => c?.id === r.target_id)
        : (p.tags ?? []).some((t: any) => t?.id === r.target_id)
  )
const byPopularity = new Map<string, string[]>()

/**
 * The products one request ranks: the collaborative neighbours of what the
 * shopper did (strongest first), the model's most popular products, the
 * neighbours of an anchor, then the catalogue in order (cold start) up to
 * CANDIDATES — so a 10,000-product store is never read whole on a request.
 */
/**
 * Candidates' attributes (title, metadata, categories, tags) change only when
 * the product is edited, and reading ~500 of them with their relations was
 * most of a computed list's time. So they are kept per process, like the
 * buyability rule's product structures, for the same TTL, and forgotten with
 * them (lib/offers `onForget`: product, price and stock events). A product
 * asked for that does not exist is remembered as absent until it changes.
 */
const attributes = new Map<string, { at: number; product: any | null }>()
/** The catalogue's first published products by creation, for the cold start. */
let head: { at: number; products: any[] } | null = null
onForget((ids) => {
  for (const id of ids) attributes.delete(id)
  head = null
})

async function productsByIds(
  query: any,
  ids: string[],
  { published = true }: { published?: boolean } = {}
): Promise<any[]> {
  const fresh = Date.now() - STRUCTURE_TTL_MS
  const missing = ids.filter((id) => !((attributes.get(id)?.at ?? 0) > fresh))
  if (missing.length) {
    const { data } = await query.graph({
      entity: "product",
      fields: FIELDS,
      filters: { id: missing },
    })
    const at = Date.now()
    if (attributes.size > 100_000) attributes.clear()
    const found = new Map((data as any[]).map((p) => [p.id, p]))
    for (const id of missing)
      attributes.set(id, { at, product: found.get(id) ?? null })
  }
  return ids
    .map((id) => attributes.get(id)?.product)
    .filter((p) => p && (!published || p.status === "published"))
}

/** The cold start's fill: the catalogue's first published products by creation (a minute, or until a product changes). */
async function catalogueHead(query: any, take: number): Promise<any[]> {
  if (!head || head.at <= Date.now() - Math.min(STRUCTURE_TTL_MS, 60_000)) {
    const { data } = await query.graph({
      entity: "product",
      fields: FIELDS,
      filters: { status: "published" } as any,
      // id breaks ties: products seeded together share created_at, and Postgres orders ties as it likes
      pagination: {
        take: CANDIDATES,
        order: { created_at: "ASC", id: "ASC" },
      } as any,
    })
    head = { at: Date.now(), products: data as any[] }
  }
  return head.products.slice(0, take)
}

async function candidateProducts(
  query: any,
  model: TrainedModel & { id: string },
  collab: Map<string, number>,
  around: (string | undefined)[]
): Promise<any[]> {
  if (!byPopularity.has(model.id)) {
    byPopularity.clear()
    byPopularity.set(
      model.id,
      Object.entries(model.popularity)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 200)
        .map(([id]) => id)
    )
  }
  const ids = new Set<string>()
  for (const a of around)
    if (a) for (const [id] of model.neighbours[a] ?? []) ids.add(id)
  for (const [id] of [...collab]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 300))
    ids.add(id)
  for (const id of byPopularity.get(model.id)!) ids.add(id)
  const picked = ids.size ? await productsByIds(query, [...ids]) : []
  const rest = CANDIDATES - picked.length
  const catalogue = rest > 0 ? await catalogueHead(query, rest) : []
  const seen = new Set<string>()
  return [...catalogue, ...picked].filter(
    (p: any) => !seen.has(p.id) && !!seen.add(p.id)
  )
}

const OWNED_SLOT: Record<string, Slot> = {
  top: "top",
  outerwear: "outerwear",
  bottom: "bottom",
  dress: "one_piece",
  shoes: "shoes",
  accessory: "accessory",
  bag: "bag",
}

/**
 * "Mostly own clothes plus one new piece": the shop's piece `c` and, for every
 * other slot an outfit needs, one of the shopper's own wardrobe items whose
 * colour goes with what is chosen so far; null when the wardrobe cannot fill
 * the set. Owned items carry `owned: true`, their id and no variant.
 */
function aroundOnePiece(
  c: { slot: Slot | null; m: Record<string, any> },
  owned: any[]
): { items: ShownItem[]; names: string[] } | null {
  const need: Slot[] | undefined = (
    {
      one_piece: ["shoes"],
      top: ["bottom", "shoes"],
      bottom: ["top", "shoes"],
      shoes: ["top", "bottom"],
      outerwear: ["top", "bottom", "shoes"],
      accessory: ["top", "bottom", "shoes"],
      bag: ["top", "bottom", "shoes"],
    } as Record<string, Slot[]>
  )[c.slot ?? ""]
  if (!need) return null
  const colours = [c.m.base_colour]
  const items: ShownItem[] = []
  const names: string[] = []
  for (const slot of need) {
    const w = owned.find(
      (o) =>
        OWNED_SLOT[o.family] === slot &&
        !items.some((i) => i.wardrobe_item_id === o.id) &&
        coloursGo(colours, o.colour)
    )
    if (!w) return null
    colours.push(w.colour)
    names.push(
      [w.colour, w.article_type ?? w.family]
        .filter(Boolean)
        .join(" ")
        .toLowerCase()
    )
    items.push({
      slot,
      product: null,
      variant: null,
      owned: true,
      wardrobe_item_id: w.id,
      article_type: w.article_type ?? null,
      colour: w.colour ?? null,
    })
  }
  return { items, names }
}

const AFFINITY_KEYS = ["article_type", "base_colour", "usage"] as const
type Affinity = Record<(typeof AFFINITY_KEYS)[number], Map<string, number>>

/**
 * The content side of the hybrid: for each label (article type, colour,
 * occasion) the share of the shopper's positive signal weight on products
 * carrying it — what they liked, described in catalogue attributes.
 */
async function affinityOf(
  query: any,
  taste: Map<string, number>,
  liked: string[]
): Promise<Affinity> {
  const out = Object.fromEntries(
    AFFINITY_KEYS.map((k) => [k, new Map<string, number>()])
  ) as Affinity
  if (!liked.length) return out
  // what they liked counts whether or not it is still on sale
  const data = await productsByIds(query, liked.slice(0, 500), {
    published: false,
  })
  let total = 0
  for (const p of data) {
    const w = taste.get(p.id) ?? 0
    total += w
    for (const k of AFFINITY_KEYS) {
      const v = p.metadata?.[k]
      if (v) out[k].set(v, (out[k].get(v) ?? 0) + w)
    }
  }
  if (total > 0)
    for (const k of AFFINITY_KEYS)
      for (const [v, w] of out[k]) out[k].set(v, w / total)
  return out
}

/**
 * Ranks and filters: every item returned is buyable by the shopper (lib/offers
 * via buyable.ts, with their size per family and budget), and the rest is
 * counted in `filtered_out`. Reads the trained model; never trains.
 */
export async function recommend(
  container: MedusaContainer,
  input: RecommendInput,
  timings = new Timings()
) {
  const started = Date.now()
  const region = await regionContext(
    container,
    input.region_id,
    input.sales_channel_ids
  )
  const recs = container.resolve<RecommendationsModuleService>(
    RECOMMENDATIONS_MODULE
  )
  const profiles =
    container.resolve<StyleProfileModuleService>(STYLE_PROFILE_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const cid = input.customer_id

  const [profile, likes, signals, feedback] = (await timings.time(
    "shopper",
    () =>
      Promise.all([
        cid ? profiles.profileOf(cid) : null,
        cid ? profiles.likesOf(cid) : [],
        cid
          ? recs.signalsOf(cid)
          : { taste: new Map<string, number>(), committed: new Set<string>() },
        cid ? recs.listRecFeedbacks({ customer_id: cid }, { take: 1000 }) : [],
      ] as const)
  )) as [
    any,
    any[],
    { taste: Map<string, number>; committed: Set<string> },
    any[],
  ]
  const { taste, committed } = signals
  for (const l of likes)
    taste.set(l.product_id, (taste.get(l.product_id) ?? 0) + 1) // quiz likes count as likes
  const disliked = new Set<string>(
    [...taste].filter(([, w]) => w < 0).map(([id]) => id)
  )
  for (const f of feedback)
    if (f.rating === "dislike")
      for (const id of f.product_ids as string[]) disliked.add(id)
  const tooExpensive = feedback
    .filter((f) => f.reason === "too_expensive" && f.price != null)
    .map((f) => Number(f.price))
  const sizes: Record<string, string> = { ...(profile?.sizes ?? {}) }
  if (input.size)
    for (const fam of /^\d+$/.test(input.size)
      ? ["shoes"]
      : ["top", "bottom", "dress"])
      sizes[fam] = input.size
  const constraints: Constraints = {
    region_id: input.region_id,
    sales_channel_ids: input.sales_channel_ids,
    sizes,
    max_item: profile?.budget_max_item ?? null,
    min_item: profile?.budget_min_item ?? null,
    by_family: profile?.budget_by_family ?? {},
    cap: tooExpensive.length
      ? Math.round(Math.min(...tooExpensive) * 0.9 * 100) / 100
      : null,
  }
  const [model, rules, owned] = await timings.time("model", () =>
    Promise.all([
      recs.latestModel(),
      recs.listRecRules({}, { take: 1000 }) as Promise<Rule[]>,
      ownedItems(container, cid),
    ])
  )

  // the anchor
  let anchorProduct: any = null
  let anchorOwned: any = null
  if (input.anchor && "product_id" in input.anchor) {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "title", "handle", "thumbnail", "status", "metadata"],
      filters: { id: input.anchor.product_id },
    })
    if (!data[0] || data[0].status !== "published")
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Product ${input.anchor.product_id} was not found`
      )
    anchorProduct = data[0]
  } else if (input.anchor && "wardrobe_item_id" in input.anchor) {
    const id = input.anchor.wardrobe_item_id
    anchorOwned = owned.find((w) => w.id === id)
    if (!anchorOwned)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Wardrobe item ${id} was not found`
      )
  }

  const seeds = new Map([...taste].filter(([, w]) => w !== 0))
  const collab = scoreFromSeeds(model.neighbours, seeds)
  const products = await timings.time("candidates", () =>
    candidateProducts(query, model, collab, [
      input.together_with,
      anchorProduct?.id,
    ])
  )

  const titles = new Map<string, string>(
    products.map((p: any) => [p.id, p.title])
  )
  const maxPop = Math.max(1, ...Object.values(model.popularity))
  const season =
    input.season ??
    (profile?.country_code
      ? seasonOn(new Date(), SOUTHERN.has(profile.country_code))
      : undefined)
  const ownedKeys = new Set(owned.map((w) => `${w.article_type}|${w.colour}`))
  const ownedProducts = new Set(owned.map((w) => w.product_id).filter(Boolean))
  const gender = anchorProduct?.metadata?.gender ?? profile?.gender ?? null
  const liked = [...taste].filter(([, w]) => w > 0).map(([id]) => id)
  const affinity = await timings.time("affinity", () =>
    affinityOf(query, taste, liked)
  )

  // the two sides of the hybrid on one scale: each divided by its largest
  // value among this request's products, so the collaborative sum (which grows
  // with the number and weight of signals) cannot drown the content side
  const contentOf = (m: Record<string, any>) =>
    AFFINITY_KEYS.reduce(
      (sum, k) => sum + LABEL_WEIGHT[k] * (affinity[k].get(m[k]) ?? 0),
      0
    )
  let cfScale = 0
  let contentScale = 0
  for (const p of products) {
    cfScale = Math.max(cfScale, Math.abs(collab.get(p.id) ?? 0))
    contentScale = Math.max(contentScale, contentOf(p.metadata ?? {}))
  }

  const candidates: Candidate[] = []
  products.forEach((p: any, order: number) => {
    const m = p.metadata ?? {}
    if (disliked.has(p.id) || p.id === anchorProduct?.id) return
    const applied = rules.length ? rulesFor(rules, p) : []
    if (applied.some((r) => r.action === "exclude")) return // merchandising: never shown
    if (
      input.kind === "product" &&
      (ownedProducts.has(p.id) ||
        (!input.include_owned_similar &&
          ownedKeys.has(`${m.article_type}|${m.base_colour}`)))
    )
      return // owns it, or (unless asked for) one of the same type and colour
    if (input.kind === "product" && committed.has(p.id)) return // already in a cart or bought: a list is for discovery (liked ones may return)
    if (gender && !gendersGo(gender, m.gender)) return
    if (input.occasion && !usagesGo(input.occasion, m.usage)) return
    if (
      input.together_with &&
      !(model.neighbours[input.together_with] ?? []).some(([id]) => id === p.id)
    )
      return
    const parts: [number, string][] = []
    const cf = cfScale ? (W_COLLAB * (collab.get(p.id) ?? 0)) / cfScale : 0
    if (cf) {
      const because = liked
        .map((l) => [l, similarity(model.neighbours, l, p.id)] as const)
        .sort((a, b) => b[1] - a[1])[0]
      parts.push([
        cf,
        because && because[1] > 0 && titles.has(because[0])
          ? `because you liked ${titles.get(because[0])}`
          : "shoppers like you chose it",
      ])
    }
    if (input.together_with)
      parts.push([
        similarity(model.neighbours, input.together_with, p.id),
        "often bought together",
      ])
    // content: the share of what the shopper liked that has this article type / colour / occasion
    const c = contentScale ? W_CONTENT / contentScale : 0
    const byArticle = affinity.article_type.get(m.article_type) ?? 0
    if (byArticle)
      parts.push([
        c * LABEL_WEIGHT.article_type * byArticle,
        `like the ${String(m.article_type).toLowerCase()} you liked`,
      ])
    const byColour = affinity.base_colour.get(m.base_colour) ?? 0
    if (byColour)
      parts.push([
        c * LABEL_WEIGHT.base_colour * byColour,
        `in ${String(m.base_colour).toLowerCase()}, like things you chose`,
      ])
    const byUsage = affinity.usage.get(m.usage) ?? 0
    if (byUsage) parts.push([c * LABEL_WEIGHT.usage * byUsage, ""])
    if (profile?.styles?.includes(m.usage))
      parts.push([0.3, `matches your ${m.usage} style`])
    if (profile?.colours_liked?.includes(m.base_colour))
      parts.push([0.25, `in ${m.base_colour}, a colour you like`])
    if (profile?.colours_disliked?.includes(m.base_colour))
      parts.push([-0.6, ""])
    for (const r of applied)
      if (r.action === "boost") parts.push([r.weight, ""])
    if (season && m.season && m.season === season)
      parts.push([0.1, `for ${season.toLowerCase()}`])
    const pop = (model.popularity[p.id] ?? 0) / maxPop
    if (pop) parts.push([0.2 * pop, "popular in your region"])
    const score = parts.reduce((s, [v]) => s + v, 0)
    const best = parts
      .filter(([v, r]) => v > 0 && r)
      .sort((a, b) => b[0] - a[0])[0]
    candidates.push({
      id: p.id,
      title: p.title,
      handle: p.handle,
      thumbnail: p.thumbnail ?? null,
      family: familyOf(m),
      slot: slotOf(m),
      m,
      score,
      reason: best?.[1] ?? "new in the shop",
      order,
    })
  })
  // ranked, then catalogue order for the cold start
  candidates.sort((a, b) => b.score - a.score || a.order - b.order)

  const filtered = noneFiltered()
  const budgetNote = (c: Candidate, v: SellableVariant) => {
    const max = maxFor(constraints, c.family)
    return max != null
      ? `fits your budget of ${money(max, v.currency_code)}`
      : null
  }
  const context = {
    region_id: input.region_id,
    occasion: input.occasion ?? null,
    season: season ?? null,
  }
  let shown: {
    kind: Kind
    score: number
    reason: string
    items: ShownItem[]
    missing?: { slot: Slot; reason: string }[]
  }[] = []

  if (input.kind === "product") {
    const picked: { c: Candidate; v: SellableVariant }[] = []
    const want = input.limit * 2 // room for MMR to diversify
    for (
      let i = 0;
      i < candidates.length && picked.length < want;
      i += want * 2
    ) {
      const chunk = candidates.slice(i, i + want * 2)
      const ok = await timings.time("buyable", () =>
        buyableVariants(
          container,
          chunk,
          constraints,
          filtered,
          region,
          timings
        )
      )
      for (const c of chunk)
        if (ok.has(c.id) && picked.length < want)
          picked.push({ c, v: ok.get(c.id)! })
    }
    const top = picked[0]?.c.score ?? 0
    const rel = (x: { c: Candidate }) =>
      (top > 0 ? x.c.score / top : 0) + (1 / (1 + x.c.order)) * 1e-3
    const alike = (a: { c: Candidate }, b: { c: Candidate }) =>
      Math.max(
        similarity(model.neighbours, a.c.id, b.c.id),
        a.c.m.article_type === b.c.m.article_type &&
          a.c.m.base_colour === b.c.m.base_colour
          ? 1
          : 0
      )
    shown = mmr<{ c: Candidate; v: SellableVariant }>(
      picked,
      rel,
      alike,
      input.limit,
      top > 0 ? 0.7 : 1
    ).map(({ c, v }) => ({
      kind: "product",
      score: Math.round(Math.max(0, c.score) * 1000) / 1000,
      reason:
        c.reason === "new in the shop"
          ? (budgetNote(c, v) ?? c.reason)
          : c.reason,
      items: [showProduct(c, v)],
    }))
  } else {
    // each slot's best-ranked pieces, checked in rounds until every slot has
    // enough buyable ones (a base for every outfit and a few more, for the
    // slots that must go with it) or runs out: a taste that ranks (say)
    // accessories first must not leave the outfit without a top or shoes
    const perSlot = Math.max(6, input.limit + 3)
    const bySlot = new Map<Slot, Candidate[]>()
    for (const c of candidates)
      if (c.slot) {
        if (!bySlot.has(c.slot)) bySlot.set(c.slot, [])
        bySlot.get(c.slot)!.push(c)
      }
    const ok = new Map<string, SellableVariant>()
    const checked = new Map<Slot, number>()
    const buyableIn = (slot: Slot) =>
      bySlot
        .get(slot)!
        .slice(0, checked.get(slot) ?? 0)
        .filter((c) => ok.has(c.id)).length
    for (let round = 0; round < 4; round++) {
      const batch: Candidate[] = []
      for (const [slot, list] of bySlot) {
        const from = checked.get(slot) ?? 0
        const short = perSlot - buyableIn(slot)
        if (short <= 0 || from >= list.length) continue
        const take = round === 0 ? 2 * perSlot : short * 3
        batch.push(...list.slice(from, from + take))
        checked.set(slot, from + take)
      }
      if (!batch.length) break
      const found = await timings.time("buyable", () =>
        buyableVariants(
          container,
          batch,
          constraints,
          filtered,
          region,
          timings
        )
      )
      for (const [id, v] of found) ok.set(id, v)
    }
    const pool = candidates.filter((c) => c.slot && ok.has(c.id))
    const bases: {
      item: ShownItem
      slot: Slot
      m: Record<string, any>
      reason: string
      score: number
    }[] = []
    if (anchorProduct) {
      const m = anchorProduct.metadata ?? {}
      const slot = slotOf(m) ?? "top"
      const [v] = (
        await timings.time("buyable", () =>
          buyableVariants(
            container,
            [{ id: anchorProduct.id, family: familyOf(m) }],
            constraints,
            noneFiltered(),
            region
          )
        )
      ).values()
      const c = {
        ...anchorProduct,
        thumbnail: anchorProduct.thumbnail ?? null,
        slot,
      } as any
      bases.push({
        item: v
          ? showProduct(c, v)
          : {
              slot,
              product: null,
              variant: null,
              owned: false,
              wardrobe_item_id: null,
            },
        slot,
        m,
        reason: `goes with ${anchorProduct.title}`,
        score: 1,
      })
    } else if (anchorOwned) {
      const slot: Slot =
        (
          { dress: "one_piece", accessory: "accessory" } as Record<string, Slot>
        )[anchorOwned.family] ??
        anchorOwned.family ??
        "top"
      bases.push({
        item: {
          slot,
          product: null,
          variant: null,
          owned: true,
          wardrobe_item_id: anchorOwned.id,
          article_type: anchorOwned.article_type,
          colour: anchorOwned.colour,
        },
        slot,
        m: {
          base_colour: anchorOwned.colour,
          article_type: anchorOwned.article_type,
          gender: profile?.gender ?? null,
        },
        reason: `goes with your ${[anchorOwned.colour, anchorOwned.article_type].filter(Boolean).join(" ").toLowerCase() || "wardrobe piece"}`,
        score: 1,
      })
    } else {
      for (const c of pool
        .filter((c) => c.slot === "top" || c.slot === "one_piece")
        .slice(0, input.limit))
        bases.push({
          item: showProduct(c, ok.get(c.id)!),
          slot: c.slot!,
          m: c.m,
          reason: c.reason,
          score: c.score,
        })
    }
    const used = new Set<string>()
    if (input.mostly_owned && !anchorProduct && !anchorOwned) bases.length = 0 // every outfit is built around one new piece below
    for (const c of input.mostly_owned && !anchorProduct && !anchorOwned
      ? pool
      : []) {
      if (shown.length >= input.limit) break
      const outfit = aroundOnePiece(c, owned)
      if (!outfit) continue
      shown.push({
        kind: "outfit",
        score: Math.round(Math.max(0, c.score) * 1000) / 1000,
        reason: `your ${outfit.names.join(" and ")} with a new ${String(c.m.article_type ?? c.slot).toLowerCase()}`,
        items: [showProduct(c, ok.get(c.id)!), ...outfit.items],
      })
    }
    for (const base of bases) {
      const chosen: { slot: Slot; m: Record<string, any> }[] = [
        { slot: base.slot, m: base.m },
      ]
      const items: ShownItem[] = [base.item]
      const missing: { slot: Slot; reason: string }[] = []
      const need: Slot[] =
        base.slot === "one_piece"
          ? ["shoes"]
          : base.slot === "bottom"
            ? ["top", "shoes"]
            : base.slot === "shoes"
              ? ["top", "bottom"]
              : ["bottom", "shoes"]
      const optional: Slot[] = ["accessory", "bag"].filter(
        (s) => s !== base.slot
      ) as Slot[]
      let score = base.score
      for (const slot of [...need, ...optional]) {
        const fits = pool.filter(
          (c) =>
            c.slot === slot &&
            chosen.every(
              (x) =>
                gendersGo(x.m.gender, c.m.gender) &&
                usagesGo(x.m.usage, c.m.usage) &&
                seasonsGo(x.m.season, c.m.season)
            ) &&
            coloursGo(
              chosen.map((x) => x.m.base_colour),
              c.m.base_colour
            )
        )
        const pick = fits.find((c) => !used.has(c.id)) ?? fits[0]
        if (!pick) {
          if (need.includes(slot))
            missing.push({
              slot,
              reason: `nothing in your size and budget goes with it here (${slot})`,
            })
          continue
        }
        if (
          optional.includes(slot) &&
          items.some((i) => i.slot === "accessory" || i.slot === "bag")
        )
          continue // one extra at most
        used.add(pick.id)
        chosen.push({ slot, m: pick.m })
        items.push(showProduct(pick, ok.get(pick.id)!))
        score += pick.score
      }
      if (items.filter((i) => i.product || i.owned).length < 2) continue
      shown.push({
        kind: "outfit",
        score: Math.round(Math.max(0, score / items.length) * 1000) / 1000,
        reason: missing.length
          ? `${base.reason}; ${missing.map((x) => x.reason).join("; ")}`
          : base.reason,
        items: items.filter((i) => i.product || i.owned),
        ...(missing.length ? { missing } : {}),
      })
      if (shown.length >= input.limit) break
    }
  }

  const rows = !shown.length
    ? []
    : input.persist === false
      ? shown.map((s, n) => ({
          id: `preview_${n + 1}`,
          kind: s.kind,
          payload: { ...s, context },
        }))
      : await timings.time("store", () =>
          recs.storeShown(
            shown.map((s) => ({
              customer_id: cid ?? null,
              kind: s.kind,
              payload: { ...s, context },
            }))
          )
        )
  return {
    recommendations: (rows as any[]).map((r) => toShape(r)),
    filtered_out: filtered,
    took_ms: Date.now() - started,
  }
}

/** A stored recommendation in the API shape. */
export function toShape(r: { id: string; kind: string; payload: any }) {
  const { score, reason, items, context, missing } = r.payload
  return {
    id: r.id,
    kind: r.kind,
    score,
    reason,
    items,
    context,
    ...(missing ? { missing } : {}),
  }
}
