import { searchEngineFromEnv, searchModuleConfig } from "../engine-config"

describe("search engine configuration", () => {
  it("searches with PostgreSQL when no Meilisearch variable is set", () => {
    const config = searchModuleConfig({})
    expect(config.resolve).toBe("@medusajs/medusa/search")
    expect(config.options.default_provider).toBe("search-postgres")
    expect(config.options.providers.map((p) => p.resolve)).toEqual([
      "@medusajs/medusa/search-postgres",
    ])
  })

  it("registers the Meilisearch provider as the default when host and key are set, keeping Postgres registered", () => {
    const config = searchModuleConfig({
      MEILISEARCH_HOST: "http://search.internal:7700",
      MEILISEARCH_API_KEY: "master-key-123",
    })
    expect(config.options.default_provider).toBe("meilisearch")
    const meili = config.options.providers.find((p) => p.id === "meilisearch")!
    expect(meili.options).toEqual({
      config: { host: "http://search.internal:7700", apiKey: "master-key-123" },
    })
    // the provider module named in the configuration exists in node_modules
    expect(() => require.resolve(meili.resolve)).not.toThrow()
    expect(config.options.providers.map((p) => p.id)).toEqual([
      "postgres",
      "meilisearch",
    ])
  })

  it("refuses a host without a key, naming MEILISEARCH_API_KEY", () => {
    expect(() =>
      searchEngineFromEnv({ MEILISEARCH_HOST: "http://localhost:7700" })
    ).toThrow(/MEILISEARCH_API_KEY is not/)
  })

  it("refuses a key without a host, naming MEILISEARCH_HOST", () => {
    expect(() => searchEngineFromEnv({ MEILISEARCH_API_KEY: "k" })).toThrow(
      /MEILISEARCH_HOST is not/
    )
  })

  it("refuses a host that is not an http(s) URL", () => {
    expect(() =>
      searchEngineFromEnv({
        MEILISEARCH_HOST: "localhost:7700",
        MEILISEARCH_API_KEY: "k",
      })
    ).toThrow(/http\(s\) URL|must be a URL/)
    expect(() =>
      searchEngineFromEnv({
        MEILISEARCH_HOST: "not a url",
        MEILISEARCH_API_KEY: "k",
      })
    ).toThrow(/must be a URL/)
  })

  it("treats blank variables as unset", () => {
    expect(
      searchEngineFromEnv({ MEILISEARCH_HOST: "  ", MEILISEARCH_API_KEY: "" })
    ).toBe("postgres")
  })
})
