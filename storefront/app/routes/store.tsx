import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { z } from "zod"
import { Pagination } from "~/components/Pagination"
import { ProductGrid } from "~/components/ProductGrid"
import {
  descendantIds,
  listCategories,
  type CategoryNode,
} from "~/lib/data/categories.server"
import { searchProducts, toGridCard } from "~/lib/data/search.server"
import { getRegion } from "~/lib/data/regions.server"
import { listColourTags } from "~/lib/data/tags.server"

const PAGE_SIZE = 24
const SIZES = ["XS", "S", "M", "L", "XL", "XXL"]

const optionalText = (max: number) =>
  z
    .preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().max(max).optional()
    )
    .catch(undefined)
const optionalAmount = z
  .preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().min(0).optional()
  )
  .catch(undefined)

/** Every filter is a GET field, so a filtered listing is a shareable link. Bad values are dropped, not errors. */
const QuerySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  category_id: z
    .string()
    .regex(/^pcat_\w+$/)
    .optional()
    .catch(undefined),
  gender: z
    .string()
    .regex(/^pcat_\w+$/)
    .optional()
    .catch(undefined),
  article_type: optionalText(60),
  colour: optionalText(40),
  size: optionalText(10),
  min_price: optionalAmount,
  max_price: optionalAmount,
  sort: z.enum(["newest", "price_asc", "price_desc"]).catch("newest"),
})

export const meta: MetaFunction = () => [{ title: "Shop — CuratorAI" }]

/** Leaf categories (article types) under the given roots. */
function leaves(nodes: CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((n) => (n.children.length ? leaves(n.children) : [n]))
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const query = QuerySchema.parse(Object.fromEntries(url.searchParams))
  const [{ region }, categories, colourTags] = await Promise.all([
    getRegion(request),
    listCategories(),
    listColourTags(),
  ])

  // Category filter: gender (a root) and/or article type (leaf name, repeated under each gender), or a category link from the header.
  const genderRoot = categories.tree.find((c) => c.id === query.gender)
  const scope = genderRoot ? [genderRoot] : categories.tree
  let categoryIds: string[] | undefined
  if (query.article_type) {
    categoryIds = leaves(scope)
      .filter((l) => l.name === query.article_type)
      .map((l) => l.id)
    if (!categoryIds.length) categoryIds = ["pcat_none"] // an article type not sold for this gender: show nothing
  } else if (genderRoot)
    categoryIds = descendantIds(categories.tree, genderRoot.id)
  else if (query.category_id)
    categoryIds = descendantIds(categories.tree, query.category_id)

  // Every filter goes to the text-search endpoint, so size, price and colour apply to the whole
  // catalogue (stock and price as a shopper of this region sees them), not to one fetched page.
  const swapped =
    query.min_price != null &&
    query.max_price != null &&
    query.min_price > query.max_price
  const result = await searchProducts({
    regionId: region.id,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
    categoryIds,
    colour: query.colour,
    size: query.size,
    minPrice: swapped ? query.max_price : query.min_price,
    maxPrice: swapped ? query.min_price : query.max_price,
    sort: query.sort,
  })
  const cards = result.data.products.map(toGridCard)
  const count = result.data.count

  const category = categories.flat.find(
    (c) => c.id === (query.gender ?? query.category_id)
  )
  const heading = [
    query.colour,
    genderRoot?.name ?? (query.article_type ? null : category?.name),
    query.article_type,
  ]
    .filter(Boolean)
    .join(" ")
  return {
    query,
    products: cards,
    count,
    message: result.ok ? null : result.message,
    pageCount: Math.max(1, Math.ceil(count / PAGE_SIZE)),
    heading: heading || "All products",
    genders: categories.tree.map((c) => ({ id: c.id, name: c.name })),
    articleTypes: [...new Set(leaves(scope).map((l) => l.name))].sort(),
    colours: colourTags.length
      ? colourTags.map((t) => t.colour)
      : Object.keys(result.data.facets.colour).sort(),
    currency: region.currency_code,
  }
}

export default function Store() {
  const {
    query,
    products,
    count,
    message,
    pageCount,
    heading,
    genders,
    articleTypes,
    colours,
    currency,
  } = useLoaderData<typeof loader>()
  const k = JSON.stringify(query) // re-mount the uncontrolled fields when the URL changes
  return (
    <div className="store">
      <h1>{heading}</h1>
      <Form
        method="get"
        className="filters"
        aria-label="Filter products"
        key={k}
      >
        {query.category_id && !query.gender && (
          <input type="hidden" name="category_id" value={query.category_id} />
        )}
        <div className="field">
          <label htmlFor="gender">Gender</label>
          <select id="gender" name="gender" defaultValue={query.gender ?? ""}>
            <option value="">All</option>
            {genders.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="article_type">Article type</label>
          <select
            id="article_type"
            name="article_type"
            defaultValue={query.article_type ?? ""}
          >
            <option value="">All types</option>
            {articleTypes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        {colours.length > 0 && (
          <div className="field">
            <label htmlFor="colour">Colour</label>
            <select id="colour" name="colour" defaultValue={query.colour ?? ""}>
              <option value="">Any colour</option>
              {colours.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="size">Size</label>
          <select id="size" name="size" defaultValue={query.size ?? ""}>
            <option value="">Any size</option>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="min_price">
            Min price ({currency.toUpperCase()})
          </label>
          <input
            id="min_price"
            name="min_price"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            defaultValue={query.min_price ?? ""}
            className="price-input"
          />
        </div>
        <div className="field">
          <label htmlFor="max_price">
            Max price ({currency.toUpperCase()})
          </label>
          <input
            id="max_price"
            name="max_price"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            defaultValue={query.max_price ?? ""}
            className="price-input"
          />
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            <option value="newest">Newest</option>
            <option value="price_asc">Price: low to high</option>
            <option value="price_desc">Price: high to low</option>
          </select>
        </div>
        <button type="submit" className="button">
          Apply
        </button>
        <Link to="/store" className="button button--ghost">
          Clear
        </Link>
      </Form>
      <p className="result-count" data-testid="result-count">
        {count} products
      </p>
      {message && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
      <ProductGrid products={products} label={heading} />
      <Pagination page={query.page} pageCount={pageCount} />
    </div>
  )
}
