import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { rateLimit } from "./rate-limit"
import { postImages } from "./social-upload"
import {
  StoreComment,
  StoreEditComment,
  StoreFeedParams,
  StoreListParams,
  StoreReadNotifications,
  StoreRegionParams,
  StoreAddTags,
  StoreReport,
  StoreSocialProfile,
  StoreTagSuggestionsParams,
  StoreUpdatePost,
} from "./store/feed/validators"
import {
  AdminAuditParams,
  AdminModerateComment,
  AdminModerateCustomer,
  AdminModeratePost,
  AdminPendingParams,
  AdminReportQueueParams,
  AdminSocialOverviewParams,
  AdminSocialSettings,
} from "./admin/moderation/validators"

const perMinute = (name: string, fallback: number) =>
  Number(process.env[name] ?? fallback)
/** writes need a shopper; reads are public and personalised when a token comes along */
const shopper = authenticate("customer", ["session", "bearer"])
const maybeShopper = authenticate("customer", ["session", "bearer"], {
  allowUnauthenticated: true,
})
const writes = () =>
  rateLimit("feed write", perMinute("CURATOR_RATE_LIMIT_WRITES", 60) * 2)

export const socialRoutes: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/social-profile",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(StoreSocialProfile)],
  },
  {
    matcher: "/store/customers/me/notifications",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreListParams, {})],
  },
  {
    matcher: "/store/customers/me/notifications/read",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(StoreReadNotifications)],
  },
  {
    matcher: "/store/feed",
    methods: ["GET"],
    middlewares: [maybeShopper, validateAndTransformQuery(StoreFeedParams, {})],
  },
  {
    matcher: "/store/feed/posts",
    methods: ["POST"],
    bodyParser: false,
    middlewares: [
      shopper,
      rateLimit("feed post", perMinute("CURATOR_RATE_LIMIT_POSTS", 20)),
      postImages("images"),
    ],
  },
  {
    matcher: "/store/feed/posts/:id",
    methods: ["GET"],
    middlewares: [
      maybeShopper,
      validateAndTransformQuery(StoreRegionParams, {}),
    ],
  },
  {
    matcher: "/store/feed/posts/:id",
    methods: ["POST"],
    middlewares: [shopper, writes(), validateAndTransformBody(StoreUpdatePost)],
  },
  {
    matcher: "/store/feed/posts/:id",
    methods: ["DELETE"],
    middlewares: [shopper],
  },
  {
    matcher: "/store/feed/posts/:id/tags",
    methods: ["POST"],
    middlewares: [shopper, writes(), validateAndTransformBody(StoreAddTags)],
  },
  {
    matcher: "/store/feed/posts/:id/tag-suggestions",
    methods: ["GET"],
    middlewares: [
      shopper,
      rateLimit("tag suggestions", perMinute("CURATOR_RATE_LIMIT_SEARCH", 60)),
      validateAndTransformQuery(StoreTagSuggestionsParams, {}),
    ],
  },
  {
    matcher: "/store/feed/posts/:id/like",
    methods: ["POST", "DELETE"],
    middlewares: [shopper, writes()],
  },
  {
    matcher: "/store/feed/posts/:id/save",
    methods: ["POST", "DELETE"],
    middlewares: [shopper, writes()],
  },
  {
    matcher: "/store/feed/posts/:id/comments",
    methods: ["GET"],
    middlewares: [maybeShopper],
  },
  {
    matcher: "/store/feed/posts/:id/comments",
    methods: ["POST"],
    middlewares: [shopper, writes(), validateAndTransformBody(StoreComment)],
  },
  {
    matcher: "/store/feed/posts/:id/report",
    methods: ["POST"],
    middlewares: [shopper, writes(), validateAndTransformBody(StoreReport)],
  },
  {
    matcher: "/store/feed/comments/:id",
    methods: ["POST"],
    middlewares: [
      shopper,
      writes(),
      validateAndTransformBody(StoreEditComment),
    ],
  },
  {
    matcher: "/store/feed/comments/:id/report",
    methods: ["POST"],
    middlewares: [shopper, writes(), validateAndTransformBody(StoreReport)],
  },
  {
    matcher: "/store/shoppers/:handle/report",
    methods: ["POST"],
    middlewares: [shopper, writes(), validateAndTransformBody(StoreReport)],
  },
  {
    matcher: "/store/feed/comments/:id",
    methods: ["DELETE"],
    middlewares: [shopper],
  },
  {
    matcher: "/store/shoppers/:handle",
    methods: ["GET"],
    middlewares: [
      maybeShopper,
      validateAndTransformQuery(StoreRegionParams, {}),
    ],
  },
  {
    matcher: "/store/shoppers/:handle/follow",
    methods: ["POST", "DELETE"],
    middlewares: [shopper, writes()],
  },
  {
    matcher: "/admin/moderation/reports",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminReportQueueParams, {})],
  },
  {
    matcher: "/admin/moderation/posts/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminModeratePost)],
  },
  {
    matcher: "/admin/moderation/customers/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminModerateCustomer)],
  },
  {
    matcher: "/admin/moderation/comments/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminModerateComment)],
  },
  {
    matcher: "/admin/moderation/pending",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminPendingParams, {})],
  },
  {
    matcher: "/admin/social/overview",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminSocialOverviewParams, {})],
  },
  {
    matcher: "/admin/social/settings",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminSocialSettings)],
  },
  {
    matcher: "/admin/moderation/audit",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminAuditParams, {})],
  },
]
