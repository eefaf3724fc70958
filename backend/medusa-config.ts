import {
  ContainerRegistrationKeys,
  defineConfig,
  loadEnv,
  Modules,
} from "@medusajs/framework/utils"
import { resolveForwardSecret, resolveSecrets } from "./src/lib/env"
import { searchModuleConfig } from "./src/lib/search/engine-config"
import path from "node:path"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const { jwtSecret, cookieSecret } = resolveSecrets(process.env)
// checked here so a weak forwarding key stops the start, like the other secrets
resolveForwardSecret(process.env)
const redisUrl = process.env.REDIS_URL
const backendUrl = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
const storeCors = process.env.STORE_CORS || "http://localhost:8000"
const adminCors =
  process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173"
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

// Medusa's Caching Module (recommendation lists): Redis with REDIS_URL, its
// in-memory provider otherwise. Core caching stays behind Medusa's own feature
// flag (MEDUSA_FF_CACHING); registering the module only serves our own keys.
const cachingModule = {
  resolve: "@medusajs/medusa/caching",
  options: redisUrl
    ? {
        providers: [
          {
            resolve: "@medusajs/medusa/caching-redis",
            id: "caching-redis",
            is_default: true,
            options: { redisUrl },
          },
        ],
      }
    : { in_memory: { enable: true } },
}

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

// Sign in with Google only when its credentials are set; emailpass always.
// Listing providers replaces Medusa's default list, so emailpass is named too.
const googleCallbackUrl =
  process.env.GOOGLE_CALLBACK_URL ||
  `${storeCors.split(",")[0]}/auth/google/callback`
const authModule =
  process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_CLIENT_SECRET
    ? [
        {
          resolve: "@medusajs/medusa/auth",
          dependencies: [Modules.CACHE, ContainerRegistrationKeys.LOGGER],
          options: {
            providers: [
              { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
              {
                resolve: "@medusajs/medusa/auth-google",
                id: "google",
                options: {
                  clientId: process.env.GOOGLE_CLIENT_ID,
                  clientSecret: process.env.GOOGLE_CLIENT_SECRET,
                  callbackUrl: googleCallbackUrl,
                },
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
    workerMode:
      (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") ||
      "shared",
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
            // private files (wardrobe photos) live outside the public /static folder and
            // are streamed to their owner by an authorised route
            options: {
              backend_url: `${backendUrl}/static`,
              private_upload_dir:
                process.env.CURATOR_PRIVATE_UPLOAD_DIR ||
                path.join(process.cwd(), "private-uploads"),
            },
          },
        ],
      },
    },
    {
      resolve: "./src/modules/visual-search",
      options: {
        embedder: process.env.CURATOR_EMBEDDER || "auto",
        clipModel:
          process.env.CURATOR_CLIP_MODEL || "Xenova/clip-vit-base-patch32",
        modelDir: process.env.CURATOR_MODEL_DIR || undefined,
        clipPhotoCutOut: process.env.CURATOR_CLIP_PHOTO_CUTOUT === "true",
        hnswThreshold: process.env.CURATOR_HNSW_THRESHOLD
          ? Number(process.env.CURATOR_HNSW_THRESHOLD)
          : undefined,
      },
    },
    { resolve: "./src/modules/lookbook" },
    { resolve: "./src/modules/style-profile" },
    { resolve: "./src/modules/recommendations" },
    { resolve: "./src/modules/search-analytics" },
    // text search: PostgreSQL by default, Meilisearch when MEILISEARCH_HOST/MEILISEARCH_API_KEY are set
    searchModuleConfig(process.env),
    { resolve: "./src/modules/wardrobe" },
    {
      resolve: "./src/modules/social",
      options: {
        autohideReports: Number(
          process.env.CURATOR_SOCIAL_AUTOHIDE_REPORTS || 3
        ),
        trendingDays: Number(process.env.CURATOR_SOCIAL_TRENDING_DAYS || 7),
        trendingCandidates: Number(
          process.env.CURATOR_SOCIAL_TRENDING_CANDIDATES || 3000
        ),
      },
    },
    cachingModule,
    ...redisModules,
    ...stripeModule,
    ...authModule,
  ],
})
