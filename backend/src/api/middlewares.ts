import {
  authenticate,
  defineMiddlewares,
  errorHandler,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { StoreAvailabilityParams } from "./store/validators"
import { AdminReindex } from "./admin/visual-search/validators"
import {
  AdminCreateRecommendationRule,
  AdminRecommendationsPreview,
} from "./admin/recommendations/validators"
import {
  AdminCreateLookbook,
  AdminReorderLooks,
  AdminSaveLook,
  AdminUpdateLook,
  AdminUpdateLookbook,
} from "./admin/lookbooks/validators"
import {
  StoreAddLookToCart,
  StoreLookbookParams,
  StoreLookEvent,
} from "./store/lookbooks/validators"
import {
  StoreSubmitStyleQuiz,
  StoreUpdateStyleProfile,
} from "./store/customers/me/style-profile/validators"
import { StoreStyleQuizParams } from "./store/style-quiz/validators"
import { rateLimit } from "./rate-limit"
import { images, singleImage } from "../lib/uploads"
import { dropRevokedSignIns, jsonDepthLimit, securityHeaders } from "./security"
import { listParams } from "./utils/list-params"
import {
  StoreSearchParams,
  StoreSearchSuggestParams,
} from "./store/search/validators"
import {
  StoreCreateOutfit,
  StoreCreateWardrobeItem,
  StoreEraseWardrobe,
  StoreImageVariant,
  StoreListOutfits,
  StoreListWardrobeItems,
  StoreListWears,
  StoreLogWear,
  StoreUpdateOutfit,
  StoreUpdateWardrobeItem,
} from "./store/customers/me/wardrobe/validators"
import {
  StoreBoughtTogetherParams,
  StoreCompleteTheLookParams,
  StoreGenerateRecommendations,
  StoreRecommendationFeedback,
  StoreRecommendationSignals,
  StoreRecommendationsParams,
} from "./store/customers/me/recommendations/validators"
import { socialRoutes } from "./social-middlewares"
import { StoreAddSetToCart } from "./utils/add-set-to-cart"

const perMinute = (name: string, fallback: number) =>
  Number(process.env[name] ?? fallback)
// limits count per customer when one is logged in, so the id must be known first
const maybeCustomer = authenticate("customer", ["session", "bearer"], {
  allowUnauthenticated: true,
})

const medusaErrors = errorHandler()
/** Medusa's error answers, except 413/415, which it calls "unknown_error": one scheme for every upload and body limit. */
function curatorErrorHandler(
  err: any,
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const status = err?.statusCode ?? err?.status
  if (status === 413 || status === 415) {
    res.status(status).json({
      type: status === 413 ? "payload_too_large" : "unsupported_media_type",
      message: String(
        err.message ||
          (status === 413
            ? "The request body is too large."
            : "Unsupported media type.")
      ),
    })
    return
  }
  return medusaErrors(err, req as any, res as any, next)
}

export default defineMiddlewares({
  errorHandler: curatorErrorHandler as any,
  routes: [
    // every route, Medusa's own included: headers, then the body's shape before any validator sees it
    {
      matcher: "/*",
      middlewares: [securityHeaders, jsonDepthLimit(), dropRevokedSignIns],
    },
    {
      // Medusa's File module stores what it is given: only photos, re-encoded without EXIF/GPS, get that far
      matcher: "/admin/uploads",
      methods: ["POST"],
      middlewares: [images("files", 10)],
    },
    {
      matcher: "/admin/lookbooks",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(listParams(), {})],
    },
    {
      matcher: "/store/lookbooks",
      methods: ["GET"],
      middlewares: [
        validateAndTransformQuery(listParams({ limit: 50, max: 100 }), {}),
      ],
    },
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
      middlewares: [
        maybeCustomer,
        rateLimit("visual search", perMinute("CURATOR_RATE_LIMIT_SEARCH", 60)),
        singleImage("image"),
      ],
    },
    {
      matcher: "/store/products/:id/similar",
      methods: ["GET"],
      middlewares: [
        maybeCustomer,
        rateLimit(
          "similar products",
          perMinute("CURATOR_RATE_LIMIT_SEARCH", 60) * 2
        ),
      ],
    },
    // exact: a string matcher would also apply these params to /store/search/suggest
    {
      matcher: /^\/store\/search\/?$/,
      methods: ["GET"],
      middlewares: [
        maybeCustomer,
        rateLimit(
          "text search",
          perMinute("CURATOR_RATE_LIMIT_SEARCH", 60) * 2
        ),
        validateAndTransformQuery(StoreSearchParams, {}),
      ],
    },
    {
      // autocomplete asks once per keystroke pause: a looser bucket of its own
      matcher: "/store/search/suggest",
      methods: ["GET"],
      middlewares: [
        maybeCustomer,
        rateLimit(
          "search suggestions",
          perMinute("CURATOR_RATE_LIMIT_SEARCH", 60) * 5
        ),
        validateAndTransformQuery(StoreSearchSuggestParams, {}),
      ],
    },
    {
      matcher: "/admin/visual-search/reindex",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminReindex)],
    },
    {
      matcher: "/admin/lookbooks",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateLookbook)],
    },
    {
      matcher: "/admin/lookbooks/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateLookbook)],
    },
    {
      matcher: "/admin/lookbooks/:id/looks",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminSaveLook)],
    },
    {
      matcher: "/admin/lookbooks/:id/looks/:look_id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateLook)],
    },
    {
      matcher: "/admin/lookbooks/:id/reorder",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminReorderLooks)],
    },
    {
      matcher: "/store/lookbooks/:id",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreLookbookParams, {})],
    },
    {
      matcher: "/store/lookbooks/:id/looks/:look_id/add-to-cart",
      methods: ["POST"],
      middlewares: [
        maybeCustomer,
        rateLimit("add to cart", perMinute("CURATOR_RATE_LIMIT_WRITES", 60)),
        validateAndTransformBody(StoreAddLookToCart),
      ],
    },
    {
      matcher: "/store/lookbooks/:id/events",
      methods: ["POST"],
      middlewares: [
        maybeCustomer,
        rateLimit(
          "lookbook event",
          perMinute("CURATOR_RATE_LIMIT_WRITES", 60) * 4
        ),
        validateAndTransformBody(StoreLookEvent),
      ],
    },
    {
      matcher: "/store/customers/me/style-profile",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreUpdateStyleProfile)],
    },
    {
      matcher: "/store/customers/me/style-profile/quiz",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreSubmitStyleQuiz)],
    },
    {
      // a Google sign-in's token names no customer until this links or creates one
      matcher: "/store/auth/google/link",
      methods: ["POST"],
      middlewares: [
        rateLimit("account link", perMinute("CURATOR_RATE_LIMIT_WRITES", 60)),
        authenticate("customer", ["bearer"], { allowUnregistered: true }),
      ],
    },
    {
      matcher: "/store/style-quiz",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreStyleQuizParams, {})],
    },
    // wardrobe: /store/customers/me/* is customer-authenticated by Medusa itself
    {
      matcher: "/store/customers/me/wardrobe/items",
      methods: ["POST"],
      bodyParser: { sizeLimit: "64kb" },
      middlewares: [
        rateLimit(
          "wardrobe upload",
          perMinute("CURATOR_RATE_LIMIT_SEARCH", 60)
        ),
        singleImage("image"),
        validateAndTransformBody(StoreCreateWardrobeItem),
      ],
    },
    {
      matcher: "/store/customers/me/wardrobe/items",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreListWardrobeItems, {})],
    },
    {
      matcher: "/store/customers/me/wardrobe/items/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreUpdateWardrobeItem)],
    },
    {
      matcher: "/store/customers/me/wardrobe/items/:id/image",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreImageVariant, {})],
    },
    {
      matcher: "/store/customers/me/wardrobe/items/:id/wear",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreLogWear)],
    },
    {
      matcher: "/store/customers/me/wardrobe/outfits",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreListOutfits, {})],
    },
    {
      matcher: "/store/customers/me/wardrobe/outfits",
      methods: ["POST"],
      middlewares: [
        rateLimit("outfit", perMinute("CURATOR_RATE_LIMIT_WRITES", 60)),
        validateAndTransformBody(StoreCreateOutfit),
      ],
    },
    {
      matcher: "/store/customers/me/wardrobe/outfits/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreUpdateOutfit)],
    },
    {
      matcher: "/store/customers/me/wardrobe/outfits/:id/wear",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreLogWear)],
    },
    {
      matcher: "/store/customers/me/wardrobe/wears",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreListWears, {})],
    },
    {
      matcher: "/store/customers/me/wardrobe",
      methods: ["DELETE"],
      middlewares: [validateAndTransformBody(StoreEraseWardrobe)],
    },
    // recommendations admin: /admin/* is admin-only by Medusa's own middleware
    {
      matcher: "/admin/recommendations/preview",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminRecommendationsPreview, {})],
    },
    {
      matcher: "/admin/recommendations/rules",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminCreateRecommendationRule)],
    },
    // recommendations: /store/customers/me/* is customer-only by Medusa's own middleware
    {
      matcher: /^\/store\/customers\/me\/recommendations\/?$/,
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreRecommendationsParams, {})],
    },
    {
      matcher: "/store/customers/me/recommendations/generate",
      methods: ["POST"],
      middlewares: [
        rateLimit(
          "recommendations",
          perMinute("CURATOR_RATE_LIMIT_SEARCH", 60)
        ),
        validateAndTransformBody(StoreGenerateRecommendations),
      ],
    },
    {
      matcher: "/store/customers/me/recommendations/signals",
      methods: ["POST"],
      middlewares: [
        rateLimit(
          "recommendation signals",
          perMinute("CURATOR_RATE_LIMIT_WRITES", 60) * 4
        ),
        validateAndTransformBody(StoreRecommendationSignals),
      ],
    },
    {
      matcher: "/store/customers/me/recommendations/:id/feedback",
      methods: ["POST"],
      middlewares: [
        rateLimit(
          "recommendation feedback",
          perMinute("CURATOR_RATE_LIMIT_WRITES", 60)
        ),
        validateAndTransformBody(StoreRecommendationFeedback),
      ],
    },
    // add a set to the cart: a recommended outfit (the caller's) and a post's tagged products (a post the caller can see)
    {
      matcher: "/store/customers/me/recommendations/:id/add-to-cart",
      methods: ["POST"],
      middlewares: [
        rateLimit("add to cart", perMinute("CURATOR_RATE_LIMIT_WRITES", 60)),
        validateAndTransformBody(StoreAddSetToCart),
      ],
    },
    {
      matcher: "/store/feed/posts/:id/add-to-cart",
      methods: ["POST"],
      middlewares: [
        maybeCustomer,
        rateLimit("add to cart", perMinute("CURATOR_RATE_LIMIT_WRITES", 60)),
        validateAndTransformBody(StoreAddSetToCart),
      ],
    },
    {
      matcher: "/store/products/:id/complete-the-look",
      methods: ["GET"],
      middlewares: [
        maybeCustomer,
        rateLimit(
          "complete the look",
          perMinute("CURATOR_RATE_LIMIT_SEARCH", 60) * 2
        ),
        validateAndTransformQuery(StoreCompleteTheLookParams, {}),
      ],
    },
    {
      matcher: "/store/products/:id/bought-together",
      methods: ["GET"],
      middlewares: [
        maybeCustomer,
        rateLimit(
          "bought together",
          perMinute("CURATOR_RATE_LIMIT_SEARCH", 60) * 2
        ),
        validateAndTransformQuery(StoreBoughtTogetherParams, {}),
      ],
    },
  ],
})
