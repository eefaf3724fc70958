import {
  generateEntityId,
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import { RecSignal } from "./models/signal"
import { Recommendation } from "./models/recommendation"
import { RecFeedback } from "./models/feedback"
import { ItemSimilarity } from "./models/item-similarity"
import { RecRule } from "./models/rule"
import { trainCooccurrence, type TrainedModel } from "./algorithm/cooccurrence"

/** Default weight of each signal kind; dislikes are negative. */
export const SIGNAL_WEIGHTS = {
  view: 0.2,
  cart: 0.6,
  purchase: 1,
  like: 1,
  dislike: -1,
  quiz: 0.8,
  look: 0.7,
} as const
export type SignalKind = keyof typeof SIGNAL_WEIGHTS

/** The newest model, parsed once per process and kept until a newer one is stored (a model is megabytes of JSON at 10k products). */
let cached: { id: string; model: TrainedModel } | null = null

class RecommendationsModuleService extends MedusaService({
  RecSignal,
  Recommendation,
  RecFeedback,
  ItemSimilarity,
  RecRule,
}) {
  /** Records signals with each kind's default weight unless one is given. */
  async record(
    signals: {
      customer_id: string
      product_id: string
      kind: SignalKind
      weight?: number
      reason?: string | null
    }[]
  ): Promise<{ id: string }[]> {
    if (!signals.length) return []
    return (await this.createRecSignals(
      signals.map((s) => ({
        ...s,
        weight: s.weight ?? SIGNAL_WEIGHTS[s.kind],
        reason: s.reason ?? null,
      })) as any
    )) as any
  }

  /**
   * Stores a list as it is shown, in one INSERT: a list is written on every
   * computed GET, and the ORM's per-entity create cost a computed list
   * 30–45 ms at 10,000 products. Same rows as createRecommendations.
   */
  @InjectManager()
  async storeShown(
    rows: {
      customer_id: string | null
      kind: "product" | "outfit"
      payload: unknown
    }[],
    @MedusaContext() ctx: Context = {}
  ): Promise<
    { id: string; customer_id: string | null; kind: string; payload: any }[]
  > {
    if (!rows.length) return []
    const em = ctx.manager as any
    const out = rows.map((r) => ({
      id: generateEntityId(undefined, "rec"),
      customer_id: r.customer_id,
      kind: r.kind,
      payload: r.payload as any,
    }))
    await em.execute(
      `INSERT INTO recommendation (id, customer_id, kind, payload) VALUES ${out
        .map(() => "(?, ?, ?, ?::jsonb)")
        .join(", ")}`,
      out.flatMap((r) => [
        r.id,
        r.customer_id,
        r.kind,
        JSON.stringify(r.payload),
      ])
    )
    return out
  }

  /** Net weight per product of one shopper's signals (likes minus dislikes…). */
  async tasteOf(customerId: string): Promise<Map<string, number>> {
    return (await this.signalsOf(customerId)).taste
  }

  /**
   * A shopper's taste (net signal weight per product, newest 5,000 signals)
   * and the products they have put in a cart or bought.
   */
  async signalsOf(
    customerId: string
  ): Promise<{ taste: Map<string, number>; committed: Set<string> }> {
    const rows = await this.listRecSignals(
      { customer_id: customerId },
      {
        select: ["product_id", "kind", "weight"],
        take: 5000,
        order: { created_at: "DESC" },
      }
    )
    const taste = new Map<string, number>()
    const committed = new Set<string>()
    for (const r of rows) {
      taste.set(r.product_id, (taste.get(r.product_id) ?? 0) + r.weight)
      if (r.kind === "cart" || r.kind === "purchase")
        committed.add(r.product_id)
    }
    return { taste, committed }
  }

  /**
   * Trains the co-occurrence model on every shopper's net-positive products and
   * stores it; serving reads the newest. The net per (shopper, product) is summed
   * in SQL so a million signals never become a million ORM entities.
   */
  @InjectManager()
  async train(
    { lambda = 1, topK = 30 }: { lambda?: number; topK?: number } = {},
    @MedusaContext() ctx: Context = {}
  ): Promise<TrainedModel["stats"]> {
    const em = ctx.manager as any
    const rows: { customer_id: string; product_id: string }[] =
      await em.execute(
        `SELECT customer_id, product_id FROM rec_signal WHERE deleted_at IS NULL
         GROUP BY customer_id, product_id HAVING SUM(weight) > 0 ORDER BY customer_id`
      )
    const baskets: string[][] = []
    let last: string | null = null
    for (const r of rows) {
      if (r.customer_id !== last) baskets.push([])
      last = r.customer_id
      baskets[baskets.length - 1].push(r.product_id)
    }
    rows.length = 0
    const model = trainCooccurrence(baskets, { lambda, topK })
    await this.createItemSimilarities({
      neighbours: model.neighbours,
      popularity: model.popularity,
      stats: model.stats,
    } as any)
    // keep the last few runs only
    const old = await this.listItemSimilarities(
      {},
      { select: ["id"], order: { created_at: "DESC" }, skip: 3, take: 100 }
    )
    if (old.length) await this.deleteItemSimilarities(old.map((o) => o.id))
    return model.stats
  }

  /** The id of the newest trained model ("" before the first training): cheap, so every request can ask. */
  async latestModelId(): Promise<string> {
    const [row] = await this.listItemSimilarities(
      {},
      { select: ["id"], order: { created_at: "DESC" }, take: 1 }
    )
    return row?.id ?? ""
  }

  /** The newest trained model, or an empty one before the first training. */
  async latestModel(): Promise<TrainedModel & { id: string }> {
    const id = await this.latestModelId()
    if (!id)
      return {
        id: "",
        neighbours: {},
        popularity: {},
        stats: { shoppers: 0, items: 0, trained_at: "" },
      }
    if (cached?.id !== id) {
      const [row] = await this.listItemSimilarities({ id }, { take: 1 })
      cached = {
        id,
        model: {
          neighbours: row.neighbours as any,
          popularity: row.popularity as any,
          stats: row.stats as any,
        },
      }
    }
    return { id, ...cached!.model }
  }

  /** Model status for the admin: signals in total, per kind and shoppers with any. */
  @InjectManager()
  async signalStats(@MedusaContext() ctx: Context = {}) {
    const em = ctx.manager as any
    const rows: { kind: string; n: number; shoppers: number }[] =
      await em.execute(
        `SELECT kind, count(*)::int AS n, count(DISTINCT customer_id)::int AS shoppers
         FROM rec_signal WHERE deleted_at IS NULL GROUP BY kind`
      )
    const [all] = await em.execute(
      `SELECT count(*)::int AS n, count(DISTINCT customer_id)::int AS shoppers, count(DISTINCT product_id)::int AS products
       FROM rec_signal WHERE deleted_at IS NULL`
    )
    return {
      total: all.n as number,
      shoppers: all.shoppers as number,
      products: all.products as number,
      by_kind: Object.fromEntries(rows.map((r) => [r.kind, r.n])),
    }
  }

  /** A recommendation of this customer, or null (another customer's is not theirs). */
  async recommendationOf(customerId: string, id: string) {
    const [row] = await this.listRecommendations(
      { id, customer_id: customerId },
      { take: 1 }
    )
    return row ?? null
  }
}

export default RecommendationsModuleService
