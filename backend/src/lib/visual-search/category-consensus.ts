import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { onForget } from "../offers"

/**
 * Category consensus re-ranking (pseudo-relevance feedback over the
 * merchant's own taxonomy). The nearest neighbours of a shopper's photo vote,
 * weighted by similarity, for the categories they are filed under; each
 * candidate's score then blends its similarity with its categories' share of
 * the vote. A query whose neighbours are mostly dresses ranks the dresses
 * among them first, even where a top-wear photo happens to be a little
 * closer. Measured offline on the shared data (eval/offline-eval.ts):
 * precision@5 0.637 → 0.705 with the classic embedder.
 */
export const CONSENSUS = {
  /** how many of the nearest products vote */
  voters: 30,
  /** similarity temperature of a vote: exp((s − s_best) / τ) */
  temperature: 0.05,
  /** weight of the vote share against similarity; the result is (s + β·share) / (1 + β) */
  weight: 1,
  /** how many of the nearest products are re-ranked */
  window: 100,
}

/**
 * How many results follow the consensus order. When the vote is wrong, a
 * consensus-only list pushes every item of the right kind out of view
 * (offline: any right-type item in the top 10 drops from 0.917 to 0.752).
 */
export const CONSENSUS_HEAD = 5

/** Filing changes only with a product edit, whose event forgets the product (lib/offers forgetProducts). */
const TTL_MS = 600_000
const cache = new Map<string, { keys: string[]; at: number }>()

// filing is part of the product: forgotten whenever the buyability rule forgets the product (lib/offers)
onForget((ids) => {
  for (const id of ids) cache.delete(id)
})

/** The products of `ids` whose keys are missing or older than `maxAgeMs` (for the warmer). */
export function categoryKeysDue(
  ids: Iterable<string>,
  maxAgeMs: number
): string[] {
  const cutoff = Date.now() - maxAgeMs
  const out: string[] = []
  for (const id of ids)
    if (!((cache.get(id)?.at ?? -Infinity) > cutoff)) out.push(id)
  return out
}

/**
 * Each product's vote keys: the names of its categories (or its type, when it
 * has no category). A name, not an id: a store that files the same kind of
 * item under each gender ("Men › Tshirts", "Women › Tshirts") would otherwise
 * split the vote for that kind between the two, and a photo rarely tells whose
 * tee it is. Measured offline (generator-eval, 1,000 products, 100 queries per
 * generator): filed as the demo store files them, keyed by id, the right kind
 * in the first ten lost 0–4 queries in 100 against keying by kind.
 */
export async function categoryKeys(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, string[]>> {
  const now = Date.now()
  const missing = ids.filter(
    (id) => !((cache.get(id)?.at ?? -Infinity) > now - TTL_MS)
  )
  if (missing.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "type_id", "categories.id", "categories.name"],
      filters: { id: missing },
    })
    if (cache.size > 100_000) cache.clear()
    for (const p of data as any[]) {
      const cats = [
        ...new Set<string>(
          (p.categories ?? [])
            .map((c: any) =>
              c?.name?.trim()
                ? `name:${c.name.trim().toLowerCase()}`
                : c?.id && `category:${c.id}`
            )
            .filter(Boolean)
        ),
      ]
      cache.set(p.id, {
        keys: cats.length ? cats : p.type_id ? [`type:${p.type_id}`] : [],
        at: now,
      })
    }
    for (const id of missing)
      if (!cache.has(id)) cache.set(id, { keys: [], at: now })
  }
  return new Map(ids.map((id) => [id, cache.get(id)?.keys ?? []]))
}

/**
 * The order a search offers its candidates in, given what it has shown so far:
 *  1. the first CONSENSUS_HEAD results by the category consensus;
 *  2. the next CONSENSUS_HEAD results: the closest product of each category
 *     not shown yet (when the vote was wrong, the right kind of item is here);
 *  3. the rest by similarity.
 * Offline (eval/offline-eval.ts): precision@5 0.637 → 0.705 and any item of
 * the right kind in the first ten 0.917 → 0.960.
 */
export class ResultOrder {
  private readonly seen = new Set<string>()
  private readonly shownKeys = new Set<string>()
  private shownCount = 0
  private readonly byConsensus: string[]
  private readonly bySimilarity: string[]
  readonly score: Map<string, number>
  private constructor(
    bySimilarity: [string, number][],
    byConsensus: [string, number][],
    private readonly keys: Map<string, string[]>
  ) {
    this.bySimilarity = bySimilarity.map(([id]) => id)
    this.byConsensus = byConsensus.map(([id]) => id)
    this.score = new Map(byConsensus)
  }

  /** `bySimilarity`: product id and similarity, best first. */
  /** `kind`: each candidate's similarity to the query in the embedder's kind dimensions (see consensusRerank). */
  static async create(
    container: MedusaContainer,
    bySimilarity: [string, number][],
    kind?: Map<string, number>,
    c = CONSENSUS
  ): Promise<ResultOrder> {
    const keys =
      c.weight && bySimilarity.length > 1
        ? await categoryKeys(
            container,
            bySimilarity.slice(0, c.window).map(([id]) => id)
          )
        : new Map<string, string[]>()
    return ResultOrder.fromKeys(bySimilarity, keys, kind, c)
  }

  /** The same, with each product's category keys given. */
  static fromKeys(
    bySimilarity: [string, number][],
    keys: Map<string, string[]>,
    kind?: Map<string, number>,
    c = CONSENSUS
  ): ResultOrder {
    return new ResultOrder(
      bySimilarity,
      consensusRerank(bySimilarity, keys, c, kind),
      keys
    )
  }

  /** Per order, where its first unseen candidate is: the walk never rescans what it has passed. */
  private readonly cursor = new Map<string[], number>()
  private unseen(
    order: string[],
    n: number,
    accept: (id: string) => boolean = () => true
  ): string[] {
    let start = this.cursor.get(order) ?? 0
    while (start < order.length && this.seen.has(order[start])) start++
    this.cursor.set(order, start)
    const out: string[] = []
    for (let j = start; j < order.length && out.length < n; j++)
      if (!this.seen.has(order[j]) && accept(order[j])) out.push(order[j])
    return out
  }

  /** The next candidates (for prefetching their prices and stock), the first of which `next()` returns. */
  upcoming(n: number): string[] {
    if (this.shownCount < CONSENSUS_HEAD)
      return this.unseen(this.byConsensus, n)
    if (this.shownCount < 2 * CONSENSUS_HEAD) {
      const fresh = (id: string) => {
        const k = this.keys.get(id) ?? []
        return k.length > 0 && !k.some((x) => this.shownKeys.has(x))
      }
      const first = this.unseen(this.bySimilarity, 1, fresh)
      if (first.length)
        return [
          ...first,
          ...this.unseen(this.bySimilarity, n).filter((id) => id !== first[0]),
        ].slice(0, n)
    }
    return this.unseen(this.bySimilarity, n)
  }

  /**
   * What the next `next()` calls are likely to return, to price them in one
   * go: the next `n` candidates that `accept` lets through, plus — while the
   * one-per-category slots are still to fill — the first such candidate of
   * each of the nearest `categories` categories not shown yet.
   */
  prefetch(
    n: number,
    accept: (id: string) => boolean,
    lookahead: number,
    categories = 2 * CONSENSUS_HEAD
  ): string[] {
    const out = new Set(this.upcoming(lookahead).filter(accept).slice(0, n))
    if (this.shownCount < 2 * CONSENSUS_HEAD) {
      const covered = new Set(this.shownKeys)
      for (const id of this.bySimilarity) {
        if (covered.size - this.shownKeys.size >= categories) break
        const k = this.keys.get(id) ?? []
        if (
          this.seen.has(id) ||
          !k.length ||
          k.every((x) => covered.has(x)) ||
          !accept(id)
        )
          continue
        for (const x of k) covered.add(x)
        out.add(id)
      }
    }
    return [...out]
  }

  next(): string | undefined {
    const [id] = this.upcoming(1)
    if (id) this.seen.add(id)
    return id
  }

  /** Records that the last candidate was shown. */
  shown(id: string) {
    this.shownCount++
    for (const k of this.keys.get(id) ?? []) this.shownKeys.add(k)
  }
}

/**
 * The re-ranking itself, given each product's category keys. `kind`, when
 * given, is each candidate's similarity to the query in the embedder's "kind
 * of item" dimensions (ImageEmbedder.kind): the voters are then the window's
 * products nearest in kind, so a colour or backdrop that happens to match
 * does not buy a vote. Measured with classic:v2, query seeds 1234/7/99:
 * offline (eval/offline-eval.ts, 5,747 products) precision@5 0.792 → 0.799 on
 * seed 1234; the API stand-in (eval/api-sim.ts, 1,500 products with the
 * eval's constraints) 0.689 → 0.701 on average.
 */
export function consensusRerank(
  ranked: [string, number][],
  keys: Map<string, string[]>,
  c = CONSENSUS,
  kind?: Map<string, number>
): [string, number][] {
  const head = ranked.slice(0, c.window)
  const votes = new Map<string, number>()
  let total = 0
  const voters = kind
    ? head
        .map(([id, s]) => [id, kind.get(id) ?? s] as [string, number])
        .sort((a, b) => b[1] - a[1])
        .slice(0, c.voters)
    : head.slice(0, c.voters)
  for (const [id, s] of voters) {
    const w = Math.exp((s - voters[0][1]) / c.temperature)
    total += w
    for (const k of keys.get(id) ?? []) votes.set(k, (votes.get(k) ?? 0) + w)
  }
  if (!total || !votes.size) return ranked
  const share = (id: string) =>
    Math.max(0, ...(keys.get(id) ?? []).map((k) => (votes.get(k) ?? 0) / total))
  const rescored = head
    .map(
      ([id, s]) =>
        [id, (s + c.weight * share(id)) / (1 + c.weight)] as [string, number]
    )
    .sort((a, b) => b[1] - a[1])
  // the tail (rarely reached) keeps its similarity, scaled so it stays below the window
  const floor = rescored[rescored.length - 1][1]
  return [
    ...rescored,
    ...ranked
      .slice(c.window)
      .map(
        ([id, s]) =>
          [id, Math.min(s / (1 + c.weight), floor)] as [string, number]
      ),
  ]
}
