import { sdk } from "../medusa.server"

export type ColourTag = { id: string; colour: string }

const TTL_MS = 60_000
let cache: { at: number; tags: ColourTag[] } | null = null

/** Colours offered as product tags `colour:<Colour>`, cached for a minute. Empty when the route is unavailable; never throws. */
export async function listColourTags(): Promise<ColourTag[]> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.tags
  try {
    const { product_tags } = await sdk.client.fetch<{
      product_tags: { id: string; value: string }[]
    }>("/store/product-tags", {
      query: { q: "colour:", limit: 200, fields: "id,value" },
    })
    const tags = product_tags
      .filter((t) => t.value.startsWith("colour:"))
      .map((t) => ({ id: t.id, colour: t.value.slice("colour:".length) }))
      .sort((a, b) => a.colour.localeCompare(b.colour))
    cache = { at: Date.now(), tags }
    return tags
  } catch {
    return []
  }
}
