import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
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
  const [model, signals, [, published]] = await Promise.all([
    recs.latestModel(),
    recs.signalStats(),
    req.scope
      .resolve(Modules.PRODUCT)
      .listAndCountProducts(
        { status: "published" as any },
        { select: ["id"], take: 1 }
      ),
  ])
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
