import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type CatalogueTags = {
  article_type: string | null
  base_colour: string | null
}

const TTL_MS = 10 * 60_000
const PAGE = 1000
type Catalogue = {
  at: number
  tags: Map<string, CatalogueTags>
  colours: Set<string>
  articleTypes: Set<string>
}
let cache: Catalogue | null = null
let loading: Promise<Catalogue> | null = null

/**
 * Every catalogue product's article type and base colour (its metadata), read
 * once per TTL_MS: auto-tagging votes with these names, so a wardrobe uses
 * the catalogue's own words.
 */
export async function catalogueTags(
  container: MedusaContainer
): Promise<Catalogue> {
  if (cache && cache.at > Date.now() - TTL_MS) return cache
  if (loading) return loading
  loading = (async () => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const tags = new Map<string, CatalogueTags>()
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await query.graph({
        entity: "product",
        fields: ["id", "metadata"],
        pagination: { skip, take: PAGE, order: { id: "ASC" } },
      })
      for (const p of data as any[])
        tags.set(p.id, {
          article_type: p.metadata?.article_type ?? null,
          base_colour: p.metadata?.base_colour ?? null,
        })
      if (data.length < PAGE) break
    }
    const values = (k: keyof CatalogueTags) =>
      new Set(
        [...tags.values()]
          .map((t) => t[k])
          .filter((v): v is string => !!v && v !== "NA")
      )
    const loaded: Catalogue = {
      at: Date.now(),
      tags,
      colours: values("base_colour"),
      articleTypes: values("article_type"),
    }
    cache = loaded
    return loaded
  })().finally(() => (loading = null))
  return loading
}

/** Forgets the cache (tests that seed a new catalogue in the same process). */
export function forgetCatalogueTags() {
  cache = null
}
