import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../../../../modules/recommendations"
import type RecommendationsModuleService from "../../../../modules/recommendations/service"

/**
 * GET /admin/recommendations/status — the newest model (when trained, shoppers,
 * items), the signals it learns from, and its coverage: the share of published
 * products that have co-occurrence neighbours.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const recs = req.scope.resolve<RecommendationsModuleService>(
    RECOMMENDATIONS_MODULE
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [model, signals, products] = await Promise.all([
    recs.latestModel(),
    recs.signalStats(),
    query.graph({
      entity: "product",
      fields: ["id"],
      filters: { status: "published" } as any,
      pagination: { take: 1 } as any,
    }),
  ])
  const published = (products as any).metadata?.count ?? 0
  const withNeighbours = Object.keys(model.neighbours).length
  res.json({
    model: model.id
      ? {
          id: model.id,
          trained_at: model.stats.trained_at,
          shoppers: model.stats.shoppers,
          items: model.stats.items,
        }
      : null,
    signals,
    coverage: {
      published_products: published,
      with_neighbours: withNeighbours,
      share: published
        ? Math.round((withNeighbours / published) * 1000) / 1000
        : 0,
    },
  })
}
