import type { HttpTypes } from "@medusajs/types"
import { sdk } from "../medusa.server"

export type CategoryNode = {
  id: string
  name: string
  handle: string
  children: CategoryNode[]
}

const TTL_MS = 60_000
let cache: {
  at: number
  tree: CategoryNode[]
  flat: HttpTypes.StoreProductCategory[]
} | null = null

/** The category tree (Men/Women/… → Apparel/Footwear/… → article type), cached for a minute. */
export async function listCategories() {
  if (cache && Date.now() - cache.at < TTL_MS) return cache
  const { product_categories } = await sdk.store.category.list({
    fields: "id,name,handle,parent_category_id,*category_children",
    limit: 200,
  })
  const byParent = new Map<string | null, HttpTypes.StoreProductCategory[]>()
  for (const c of product_categories) {
    const key = c.parent_category_id ?? null
    byParent.set(key, [...(byParent.get(key) ?? []), c])
  }
  const build = (parent: string | null): CategoryNode[] =>
    (byParent.get(parent) ?? [])
      .map((c) => ({
        id: c.id,
        name: c.name,
        handle: c.handle,
        children: build(c.id),
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
  cache = { at: Date.now(), tree: build(null), flat: product_categories }
  return cache
}

/** The category and all its descendants: products sit on leaf categories (article types). */
export function descendantIds(tree: CategoryNode[], id: string): string[] {
  const walk = (nodes: CategoryNode[]): CategoryNode | undefined => {
    for (const n of nodes) {
      if (n.id === id) return n
      const found = walk(n.children)
      if (found) return found
    }
  }
  const root = walk(tree)
  if (!root) return [id]
  const out: string[] = []
  const collect = (n: CategoryNode) => {
    out.push(n.id)
    n.children.forEach(collect)
  }
  collect(root)
  return out
}
