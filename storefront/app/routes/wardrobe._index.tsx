import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { WardrobeNav } from "~/components/WardrobeNav"
import { listItems, photoPath } from "~/lib/data/wardrobe.server"
import { loginIfExpired, requireShopper } from "~/lib/wardrobe-auth.server"

export const meta: MetaFunction = () => [{ title: "Your wardrobe — CuratorAI" }]

const FAMILIES = [
  "top",
  "bottom",
  "dress",
  "outerwear",
  "shoes",
  "bag",
  "accessory",
]
const PAGE = 24

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireShopper(request)
  const q = new URL(request.url).searchParams
  const page = Math.max(1, Number(q.get("page")) || 1)
  const filters = {
    family: q.get("family") || undefined,
    colour: q.get("colour") || undefined,
    archived: q.get("archived") === "true" ? "true" : "false",
    limit: String(PAGE),
    offset: String((page - 1) * PAGE),
  }
  const res = await listItems(token, filters)
  loginIfExpired(res.status)
  if (!res.ok)
    throw new Response(res.body.message ?? "Could not load your wardrobe", {
      status: res.status,
    })
  const items = res.body.wardrobe_items.map((i) => ({
    ...i,
    photo: photoPath(i.cutout_url ?? i.image_url),
  }))
  return {
    items,
    count: res.body.count,
    page,
    pages: Math.max(1, Math.ceil(res.body.count / PAGE)),
    filters: {
      family: filters.family ?? "",
      colour: filters.colour ?? "",
      archived: filters.archived,
    },
  }
}

export default function Wardrobe() {
  const { items, count, page, pages, filters } = useLoaderData<typeof loader>()
  return (
    <div className="wardrobe">
      <h1>Your wardrobe</h1>
      <WardrobeNav />
      <Form method="get" className="wardrobe-filters" aria-label="Filter items">
        <label>
          Family
          <select name="family" defaultValue={filters.family}>
            <option value="">All</option>
            {FAMILIES.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour{" "}
          <input
            name="colour"
            defaultValue={filters.colour}
            placeholder="e.g. Navy Blue"
          />
        </label>
        <label>
          <input
            type="checkbox"
            name="archived"
            value="true"
            defaultChecked={filters.archived === "true"}
          />{" "}
          Archived
        </label>
        <button type="submit" className="button button--small">
          Filter
        </button>
      </Form>
      <p className="lede">
        {count} {count === 1 ? "item" : "items"}
      </p>
      {items.length === 0 ? (
        <p className="empty">
          Nothing here yet.{" "}
          <Link to="/wardrobe/add">Add your first item by photo</Link>.
        </p>
      ) : (
        <ul className="wardrobe-grid" data-testid="wardrobe-grid">
          {items.map((i) => (
            <li
              key={i.id}
              className="wardrobe-card"
              data-testid="wardrobe-item"
            >
              <Link to={`/wardrobe/items/${i.id}`}>
                {i.photo ? (
                  <img
                    src={i.photo}
                    alt={`${i.colour ?? ""} ${i.article_type ?? "item"}`.trim()}
                    loading="lazy"
                    width={200}
                    height={200}
                  />
                ) : null}
                <span className="wardrobe-card__title">
                  {i.article_type ?? "Untagged item"}
                </span>
                <span className="wardrobe-card__meta">
                  {[
                    i.colour,
                    i.family,
                    i.source === "order" ? "bought here" : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? (
            <Link
              to={`?${new URLSearchParams({ ...filters, page: String(page - 1) })}`}
            >
              Previous
            </Link>
          ) : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link
              to={`?${new URLSearchParams({ ...filters, page: String(page + 1) })}`}
            >
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  )
}
