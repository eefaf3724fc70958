import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { WardrobeNav } from "~/components/WardrobeNav"
import { listItems, listWears } from "~/lib/data/wardrobe.server"
import { loginIfExpired, requireShopper } from "~/lib/wardrobe-auth.server"

export const meta: MetaFunction = () => [{ title: "Wear calendar — CuratorAI" }]

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireShopper(request)
  const q = new URL(request.url).searchParams.get("month")
  const now = new Date()
  const [y, m] =
    q && /^\d{4}-\d{2}$/.test(q)
      ? q.split("-").map(Number)
      : [now.getUTCFullYear(), now.getUTCMonth() + 1]
  const first = new Date(Date.UTC(y, m - 1, 1)),
    last = new Date(Date.UTC(y, m, 0))
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  const [wears, items] = await Promise.all([
    listWears(token, iso(first), iso(last)),
    listItems(token, { limit: "100" }),
  ])
  loginIfExpired(wears.status)
  const names = new Map(
    (items.body.wardrobe_items ?? []).map((i) => [
      i.id,
      [i.colour, i.article_type].filter(Boolean).join(" ") || "Item",
    ])
  )
  const byDay: Record<string, string[]> = {}
  for (const w of wears.body.wears ?? [])
    (byDay[w.worn_on] ??= []).push(names.get(w.wardrobe_item_id) ?? "Item")
  const month = (d: Date) => iso(d).slice(0, 7)
  return {
    y,
    m,
    days: last.getUTCDate(),
    offset: (first.getUTCDay() + 6) % 7,
    byDay,
    prev: month(new Date(Date.UTC(y, m - 2, 1))),
    next: month(new Date(Date.UTC(y, m, 1))),
  }
}

export default function Calendar() {
  const { y, m, days, offset, byDay, prev, next } =
    useLoaderData<typeof loader>()
  const title = new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  })
  const cells = [
    ...Array(offset).fill(null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ]
  return (
    <div className="wardrobe">
      <h1>What you wore</h1>
      <WardrobeNav />
      <nav className="calendar-nav" aria-label="Months">
        <Link to={`?month=${prev}`}>← Previous</Link> <strong>{title}</strong>{" "}
        <Link to={`?month=${next}`}>Next →</Link>
      </nav>
      <table className="wear-calendar" data-testid="wear-calendar">
        <caption className="visually-hidden">Wears in {title}</caption>
        <thead>
          <tr>
            {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.ceil(cells.length / 7) }, (_, r) => (
            <tr key={r}>
              {cells.slice(r * 7, r * 7 + 7).map((d, i) => {
                const key = d
                  ? `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
                  : ""
                const worn = d ? (byDay[key] ?? []) : []
                return (
                  <td key={i} className={worn.length ? "worn" : undefined}>
                    {d ? <span className="day">{d}</span> : null}
                    {worn.length ? (
                      <ul>
                        {worn.map((n, j) => (
                          <li key={j}>{n}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
