import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { z } from "zod"
import { Pagination } from "~/components/Pagination"
import { ProductGrid } from "~/components/ProductGrid"
import { getRegion } from "~/lib/data/regions.server"
import {
  searchProducts,
  toGridCard,
  type SearchFacets,
} from "~/lib/data/search.server"

const PAGE_SIZE = 24

const optionalText = (max: number) =>
  z
    .preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().trim().max(max).optional()
    )
    .catch(undefined)
const optionalAmount = z
  .preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().min(0).max(1_000_000).optional()
  )
  .catch(undefined)

/** Every filter is a GET field, so a search is a shareable link. Bad values are dropped, not errors. */
const QuerySchema = z.object({
  q: optionalText(200),
  page: z.coerce.number().int().min(1).max(400).catch(1),
  article_type: optionalText(60),
  colour: optionalText(40),
  gender: optionalText(20),
  size: optionalText(20),
  min_price: optionalAmount,
  max_price: optionalAmount,
  sort: z
    .enum(["relevance", "price_asc", "price_desc", "newest"])
    .catch("relevance"),
})

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.query.q
      ? `“${data.query.q}” — CuratorAI`
      : "Search — CuratorAI",
  },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const query = QuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams)
  )
  const { region } = await getRegion(request)
  const swapped =
    query.min_price != null &&
    query.max_price != null &&
    query.min_price > query.max_price
  const result = await searchProducts({
    q: query.q,
    regionId: region.id,
    size: query.size,
    minPrice: swapped ? query.max_price : query.min_price,
    maxPrice: swapped ? query.min_price : query.max_price,
    colour: query.colour,
    articleType: query.article_type,
    gender: query.gender,
    sort: query.sort,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  })
  return {
    query,
    ok: result.ok,
    message: result.ok ? null : result.message,
    products: result.data.products.map(toGridCard),
    count: result.data.count,
    facets: result.data.facets,
    matched: result.data.matched,
    didYouMean: result.data.did_you_mean ?? null,
    pageCount: Math.max(1, Math.ceil(result.data.count / PAGE_SIZE)),
    currency: region.currency_code,
  }
}

type Query = z.infer<typeof QuerySchema>

/** The URL of this search with one filter set (or cleared), back on page 1. */
function withFilter(query: Query, key: keyof Query, value: string | undefined) {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries({
    ...query,
    page: undefined,
    [key]: value,
  }))
    if (v != null && v !== "" && !(k === "sort" && v === "relevance"))
      p.set(k, String(v))
  return `/find?${p}`
}

function FacetList({
  title,
  name,
  values,
  query,
}: {
  title: string
  name: "article_type" | "colour" | "gender" | "size"
  values: Record<string, number>
  query: Query
}) {
  const entries = Object.entries(values).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0])
  )
  if (!entries.length) return null
  const active = query[name]
  return (
    <section
      className="facet"
      aria-label={`Filter by ${title.toLowerCase()}`}
      data-testid={`facet-${name}`}
    >
      <h3>{title}</h3>
      <ul>
        {entries.map(([value, n]) => (
          <li key={value}>
            <Link
              to={withFilter(query, name, active === value ? undefined : value)}
              aria-current={active === value ? "true" : undefined}
              data-testid="facet-value"
            >
              {value} <span className="facet__count">({n})</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

export default function Find() {
  const {
    query,
    ok,
    message,
    products,
    count,
    facets,
    matched,
    didYouMean,
    pageCount,
    currency,
  } = useLoaderData<typeof loader>()
  const f = facets as SearchFacets
  const heading = query.q ? `Results for “${query.q}”` : "All products"
  return (
    <div className="store find">
      <h1>{heading}</h1>
      {!ok && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
      {matched === "typo" && count > 0 && (
        <p className="search-note">No exact match — showing close spellings.</p>
      )}
      <div className="find__layout">
        <aside className="facets" aria-label="Refine results">
          <Form
            method="get"
            action="/find"
            className="filters"
            key={JSON.stringify(query)}
          >
            {query.q && <input type="hidden" name="q" value={query.q} />}
            {query.article_type && (
              <input
                type="hidden"
                name="article_type"
                value={query.article_type}
              />
            )}
            {query.colour && (
              <input type="hidden" name="colour" value={query.colour} />
            )}
            {query.gender && (
              <input type="hidden" name="gender" value={query.gender} />
            )}
            <div className="field">
              <label htmlFor="size">Size</label>
              <select id="size" name="size" defaultValue={query.size ?? ""}>
                <option value="">Any size</option>
                {Object.keys(f.size)
                  .concat(
                    query.size && !(query.size in f.size) ? [query.size] : []
                  )
                  .map((s) => (
                    <option key={s} value={s}>
                      {s} ({f.size[s] ?? 0})
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
                placeholder={
                  f.price.min != null ? String(Math.floor(f.price.min)) : ""
                }
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
                placeholder={
                  f.price.max != null ? String(Math.ceil(f.price.max)) : ""
                }
                className="price-input"
              />
            </div>
            <div className="field">
              <label htmlFor="sort">Sort by</label>
              <select id="sort" name="sort" defaultValue={query.sort}>
                <option value="relevance">Relevance</option>
                <option value="newest">Newest</option>
                <option value="price_asc">Price: low to high</option>
                <option value="price_desc">Price: high to low</option>
              </select>
            </div>
            <button
              type="submit"
              className="button"
              data-testid="apply-filters"
            >
              Apply
            </button>
          </Form>
          <FacetList
            title="Article type"
            name="article_type"
            values={f.article_type}
            query={query}
          />
          <FacetList
            title="Colour"
            name="colour"
            values={f.colour}
            query={query}
          />
          <FacetList
            title="Gender"
            name="gender"
            values={f.gender}
            query={query}
          />
          <FacetList title="Size" name="size" values={f.size} query={query} />
        </aside>
        <div className="find__results">
          <p
            className="result-count"
            data-testid="result-count"
            data-size={query.size ?? ""}
          >
            {count} {count === 1 ? "product" : "products"}
          </p>
          {ok && count === 0 ? (
            <div className="no-results" data-testid="no-results">
              <p>Nothing matches{query.q ? ` “${query.q}”` : ""} here.</p>
              {didYouMean && (
                <p>
                  Did you mean{" "}
                  <Link
                    to={withFilter(query, "q", didYouMean)}
                    data-testid="did-you-mean"
                  >
                    {didYouMean}
                  </Link>
                  ?
                </p>
              )}
              <p>
                Or <Link to="/search">search with a photo</Link> of what you
                have in mind.
              </p>
            </div>
          ) : (
            <ProductGrid products={products} label={heading} />
          )}
          <Pagination page={query.page} pageCount={pageCount} />
        </div>
      </div>
    </div>
  )
}
