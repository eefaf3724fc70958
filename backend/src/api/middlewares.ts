import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreAvailabilityParams } from "./store/validators"
import { AdminReindex } from "./admin/visual-search/validators"
import { AdminCreateLookbook, AdminReorderLooks, AdminSaveLook, AdminUpdateLook, AdminUpdateLookbook } from "./admin/lookbooks/validators"
import { StoreAddLookToCart, StoreLookbookParams, StoreLookEvent } from "./store/lookbooks/validators"
import { rateLimit } from "./rate-limit"
import { singleImage } from "./upload"
import { socialRoutes } from "./social-middlewares"

const perMinute = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

export default defineMiddlewares({
  routes: [
    ...socialRoutes,
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
    { matcher: "/admin/lookbooks", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateLookbook)] },
    { matcher: "/admin/lookbooks/:id", methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateLookbook)] },
    { matcher: "/admin/lookbooks/:id/looks", methods: ["POST"], middlewares: [validateAndTransformBody(AdminSaveLook)] },
    { matcher: "/admin/lookbooks/:id/looks/:look_id", methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateLook)] },
    { matcher: "/admin/lookbooks/:id/reorder", methods: ["POST"], middlewares: [validateAndTransformBody(AdminReorderLooks)] },
    { matcher: "/store/lookbooks/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(StoreLookbookParams, {})] },
    {
      matcher: "/store/lookbooks/:id/looks/:look_id/add-to-cart",
      methods: ["POST"],
      middlewares: [rateLimit("add to cart", perMinute("CURATOR_RATE_LIMIT_WRITES", 60)), validateAndTransformBody(StoreAddLookToCart)],
    },
    {
      matcher: "/store/lookbooks/:id/events",
      methods: ["POST"],
      middlewares: [rateLimit("lookbook event", perMinute("CURATOR_RATE_LIMIT_WRITES", 60) * 4), validateAndTransformBody(StoreLookEvent)],
    },
  ],
})
