import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import { resolveSecrets } from "./src/lib/env"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const { jwtSecret, cookieSecret } = resolveSecrets(process.env)
const redisUrl = process.env.REDIS_URL
const backendUrl = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
const storeCors = process.env.STORE_CORS || "http://localhost:8000"
const adminCors = process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173"
const authCors = process.env.AUTH_CORS || `${storeCors},${adminCors}`

// With REDIS_URL the store runs on the production modules (several backend
// instances share events, cache, workflow state and locks); without it
// everything stays in-process so a laptop needs no servers at all.
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

const stripeModule = process.env.STRIPE_API_KEY
  ? [
      {
        resolve: "@medusajs/medusa/payment",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/payment-stripe",
              id: "stripe",
              options: { apiKey: process.env.STRIPE_API_KEY },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors,
      adminCors,
      authCors,
      jwtSecret,
      cookieSecret,
    },
  },
  admin: {
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl,
  },
  modules: [
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { backend_url: `${backendUrl}/static` },
          },
        ],
      },
    },
    {
      resolve: "./src/modules/visual-search",
      options: {
        embedder: process.env.CURATOR_EMBEDDER || "auto",
        clipModel: process.env.CURATOR_CLIP_MODEL || "Xenova/clip-vit-base-patch32",
        modelDir: process.env.CURATOR_MODEL_DIR || undefined,
        hnswThreshold: process.env.CURATOR_HNSW_THRESHOLD ? Number(process.env.CURATOR_HNSW_THRESHOLD) : undefined,
      },
    },
    { resolve: "./src/modules/lookbook" },
    {
      resolve: "./src/modules/social",
      options: {
        autohideReports: Number(process.env.CURATOR_SOCIAL_AUTOHIDE_REPORTS || 3),
        trendingDays: Number(process.env.CURATOR_SOCIAL_TRENDING_DAYS || 7),
        trendingCandidates: Number(process.env.CURATOR_SOCIAL_TRENDING_CANDIDATES || 3000),
      },
    },
    ...redisModules,
    ...stripeModule,
  ],
})
