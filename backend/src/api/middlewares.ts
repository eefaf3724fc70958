import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreAvailabilityParams } from "./store/validators"
import { AdminReindex } from "./admin/visual-search/validators"
import { rateLimit } from "./rate-limit"
import { singleImage } from "./upload"

const perMinute = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/products/:id/availability",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreAvailabilityParams, {})],
    },
    {
      // photos and JSON queries; constraints are validated in the route because
      // they may come from the query string or the form
      matcher: "/store/visual-search",
      methods: ["POST"],
      bodyParser: { sizeLimit: "64kb" },
      middlewares: [rateLimit("visual search", perMinute("CURATOR_RATE_LIMIT_SEARCH", 60)), singleImage("image")],
    },
    {
      matcher: "/store/products/:id/similar",
      methods: ["GET"],
      middlewares: [rateLimit("similar products", perMinute("CURATOR_RATE_LIMIT_SEARCH", 60) * 2)],
    },
    {
      matcher: "/admin/visual-search/reindex",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminReindex)],
    },
  ],
})
