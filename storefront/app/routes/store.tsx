import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Form, useLoaderData } from "@remix-run/react"
import { z } from "zod"
import { Pagination } from "~/components/Pagination"
import { ProductGrid } from "~/components/ProductGrid"
import { descendantIds, listCategories, type CategoryNode } from "~/lib/data/categories.server"
import { listProducts, toCard } from "~/lib/data/products.server"
import { getRegion } from "~/lib/data/regions.server"

const PAGE_SIZE = 24
const SIZES = ["XS", "S", "M", "L", "XL", "XXL"]

const QuerySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  category_id: z.string().regex(/^pcat_\w+$/).optional().catch(undefined),
  size: z.string().max(10).optional().catch(undefined),
  sort: z.enum(["newest", "price_asc", "price_desc"]).catch("newest"),
})

export const meta: MetaFunction = () => [{ title: "Shop — CuratorAI" }]

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const query = QuerySchema.parse(Object.fromEntries(url.searchParams))
  const [{ region }, categories] = await Promise.all([getRegion(request), listCategories()])
  const { products, count } = await listProducts({
    regionId: region.id,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
    categoryIds: query.category_id ? descendantIds(categories.tree, query.category_id) : undefined,
    sort: query.sort,
  })
  let cards = products.map(toCard)
  // The store API cannot filter by option value; filtering the fetched page is good enough for now.
  if (query.size) cards = cards.filter((c) => c.sizes.includes(query.size!))
  const category = categories.flat.find((c) => c.id === query.category_id)
  return {
    query,
    products: cards,
    count,
    pageCount: Math.max(1, Math.ceil(count / PAGE_SIZE)),
    categoryName: category?.name ?? null,
    tree: categories.tree,
  }
}

function CategoryOptions({ nodes, depth = 0 }: { nodes: CategoryNode[]; depth?: number }) {
  return (
    <>
      {nodes.map((n) => (
        <CategoryOption key={n.id} node={n} depth={depth} />
      ))}
    </>
  )
}

function CategoryOption({ node, depth }: { node: CategoryNode; depth: number }) {
  return (
    <>
      <option value={node.id}>{"\u00a0\u00a0".repeat(depth) + node.name}</option>
      <CategoryOptions nodes={node.children} depth={depth + 1} />
    </>
  )
}

export default function Store() {
  const { query, products, count, pageCount, categoryName, tree } = useLoaderData<typeof loader>()
  return (
    <div className="store">
      <h1>{categoryName ?? "All products"}</h1>
      <Form method="get" className="filters" aria-label="Filter products">
        <div className="field">
          <label htmlFor="category_id">Category</label>
          <select id="category_id" name="category_id" defaultValue={query.category_id ?? ""} key={query.category_id}>
            <option value="">All categories</option>
            <CategoryOptions nodes={tree} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="size">Size</label>
          <select id="size" name="size" defaultValue={query.size ?? ""} key={query.size}>
            <option value="">Any size</option>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort} key={query.sort}>
            <option value="newest">Newest</option>
            <option value="price_asc">Price: low to high</option>
            <option value="price_desc">Price: high to low</option>
          </select>
        </div>
        <button type="submit" className="button">
          Apply
        </button>
      </Form>
      <p className="result-count">
        {count} products{query.size ? ` · size ${query.size} on this page: ${products.length}` : ""}
      </p>
      <ProductGrid products={products} label={categoryName ?? "All products"} />
      <Pagination page={query.page} pageCount={pageCount} />
    </div>
  )
}
