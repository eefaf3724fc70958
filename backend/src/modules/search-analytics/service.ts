import { MedusaService } from "@medusajs/framework/utils"
import { ZeroResultQuery } from "./models/zero-result-query"

export type ZeroResultSummary = {
  query: string
  searches: number
  last_searched_at: Date
}

class SearchAnalyticsModuleService extends MedusaService({ ZeroResultQuery }) {
  /** Records a search that found nothing (query normalised: trimmed, lower case, single spaces). */
  async recordZeroResult(input: {
    query: string
    region_id?: string | null
    engine: string
  }) {
    const query = input.query
      .trim()
      .toLowerCase()
      .replace(/\s+/g, " ")
      .slice(0, 200)
    if (!query) return null
    return await this.createZeroResultQueries({
      query,
      region_id: input.region_id ?? null,
      engine: input.engine,
    })
  }

  /** The most frequent zero-result queries since a date, for the merchant analytics page. */
  async topZeroResultQueries(
    since: Date,
    limit = 20
  ): Promise<ZeroResultSummary[]> {
    const rows = (await this.listZeroResultQueries(
      { created_at: { $gte: since } } as any,
      { select: ["query", "created_at"], take: null as any }
    )) as any[]
    const byQuery = new Map<string, ZeroResultSummary>()
    for (const r of rows) {
      const s = byQuery.get(r.query) ?? {
        query: r.query,
        searches: 0,
        last_searched_at: new Date(0),
      }
      s.searches++
      if (new Date(r.created_at) > s.last_searched_at)
        s.last_searched_at = new Date(r.created_at)
      byQuery.set(r.query, s)
    }
    return [...byQuery.values()]
      .sort((a, b) => b.searches - a.searches || a.query.localeCompare(b.query))
      .slice(0, limit)
  }
}

export default SearchAnalyticsModuleService
