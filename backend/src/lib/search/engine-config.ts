import { Modules } from "@medusajs/framework/utils"

/**
 * The Search Module's declaration, from the environment. PostgreSQL (the
 * `search-postgres` provider: tsvector + pg_trgm) is always registered and is
 * the default; with MEILISEARCH_HOST the Meilisearch provider of
 * `@rokmohar/medusa-plugin-meilisearch` is registered too and becomes the
 * default, so `db:migrate` builds the indexes there. Half a Meilisearch
 * configuration is refused at boot, naming what is missing, rather than
 * silently searching Postgres in production.
 */
export type SearchEngine = "postgres" | "meilisearch"

/** The engine name the store API reports for a provider identifier. */
export const engineOfProvider = (provider: string): SearchEngine =>
  provider.startsWith("meilisearch") ? "meilisearch" : "postgres"

export function searchEngineFromEnv(env: NodeJS.ProcessEnv): SearchEngine {
  const host = env.MEILISEARCH_HOST?.trim()
  const key = env.MEILISEARCH_API_KEY?.trim()
  if (!host && !key) return "postgres"
  if (!host)
    throw new Error(
      "MEILISEARCH_API_KEY is set but MEILISEARCH_HOST is not: set MEILISEARCH_HOST (e.g. http://localhost:7700) or unset both to search with PostgreSQL"
    )
  if (!key)
    throw new Error(
      `MEILISEARCH_HOST is set (${host}) but MEILISEARCH_API_KEY is not: set the Meilisearch API key (search + documents + indexes + tasks rights), or unset MEILISEARCH_HOST to search with PostgreSQL`
    )
  let url: URL
  try {
    url = new URL(host)
  } catch {
    throw new Error(
      `MEILISEARCH_HOST must be a URL such as http://localhost:7700, got "${host}"`
    )
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`MEILISEARCH_HOST must be an http(s) URL, got "${host}"`)
  return "meilisearch"
}

export function searchModuleConfig(env: NodeJS.ProcessEnv = process.env) {
  const engine = searchEngineFromEnv(env)
  const providers: {
    resolve: string
    id: string
    options: Record<string, unknown>
  }[] = [
    {
      resolve: "@medusajs/medusa/search-postgres",
      id: "postgres",
      options: { engine: "native", language: "english" },
    },
  ]
  if (engine === "meilisearch") {
    providers.push({
      resolve: "@rokmohar/medusa-plugin-meilisearch/providers/meilisearch",
      id: "meilisearch",
      options: {
        config: {
          host: env.MEILISEARCH_HOST!.trim(),
          apiKey: env.MEILISEARCH_API_KEY!.trim(),
        },
      },
    })
  }
  return {
    key: Modules.SEARCH,
    resolve: "@medusajs/medusa/search",
    // providers are known by their class identifier ("search-postgres", "meilisearch")
    options: {
      providers,
      default_provider:
        engine === "meilisearch" ? "meilisearch" : "search-postgres",
    },
  }
}
