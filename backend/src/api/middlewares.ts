import { defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreAvailabilityParams } from "./store/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/products/:id/availability",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreAvailabilityParams, {})],
    },
  ],
})
