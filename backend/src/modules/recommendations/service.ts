import { MedusaService } from "@medusajs/framework/utils"
import { RecSignal } from "./models/signal"
import { Recommendation } from "./models/recommendation"
import { RecFeedback } from "./models/feedback"
import { ItemSimilarity } from "./models/item-similarity"
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

class RecommendationsModuleService extends MedusaService({
  RecSignal,
  Recommendation,
  RecFeedback,
  ItemSimilarity,
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

  /** Net weight per product of one shopper's signals (likes minus dislikes…). */
  async tasteOf(customerId: string): Promise<Map<string, number>> {
    const rows = await this.listRecSignals(
      { customer_id: customerId },
      {
        select: ["product_id", "weight"],
        take: 5000,
        order: { created_at: "DESC" },
      }
    )
    const out = new Map<string, number>()
    for (const r of rows)
      out.set(r.product_id, (out.get(r.product_id) ?? 0) + r.weight)
    return out
  }

  /** Trains the co-occurrence model on every shopper's positive signals and stores it; serving reads the newest. */
  async train({ lambda = 1, topK = 30 } = {}): Promise<TrainedModel["stats"]> {
    const rows = await this.listRecSignals(
      {},
      { select: ["customer_id", "product_id", "weight"], take: 1_000_000 }
    )
    const net = new Map<string, Map<string, number>>()
    for (const r of rows) {
      const m = net.get(r.customer_id) ?? new Map<string, number>()
      m.set(r.product_id, (m.get(r.product_id) ?? 0) + r.weight)
      net.set(r.customer_id, m)
    }
    const baskets = [...net.values()].map((m) =>
      [...m].filter(([, w]) => w > 0).map(([id]) => id)
    )
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

  /** The newest trained model, or an empty one before the first training. */
  async latestModel(): Promise<TrainedModel> {
    const [row] = await this.listItemSimilarities(
      {},
      { order: { created_at: "DESC" }, take: 1 }
    )
    if (!row)
      return {
        neighbours: {},
        popularity: {},
        stats: { shoppers: 0, items: 0, trained_at: "" },
      }
    return {
      neighbours: row.neighbours as any,
      popularity: row.popularity as any,
      stats: row.stats as any,
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
