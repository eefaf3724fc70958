import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { WardrobeNav } from "~/components/WardrobeNav"
import { getStats, type ItemValue } from "~/lib/data/wardrobe.server"
import { loginIfExpired, requireShopper } from "~/lib/wardrobe-auth.server"

export const meta: MetaFunction = () => [
  { title: "Wardrobe stats — CuratorAI" },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireShopper(request)
  const res = await getStats(token)
  loginIfExpired(res.status)
  if (!res.ok)
    throw new Response("Could not load your stats", { status: res.status })
  return { stats: res.body.stats }
}

/** Rough screen colours for the catalogue's colour names (the palette swatches). */
const SWATCH: Record<string, string> = {
  Black: "#222",
  White: "#f4f4f2",
  Blue: "#3a62a8",
  "Navy Blue": "#232c48",
  Grey: "#8c8c8c",
  Red: "#c22a2e",
  Green: "#2f7d3a",
  Pink: "#e58aa8",
  Purple: "#6c3f8e",
  Brown: "#6b4526",
  Yellow: "#f1cf3b",
  Beige: "#d8c5a3",
  Orange: "#ef8a26",
  Olive: "#6b6a30",
  Maroon: "#6c1c2a",
  Silver: "#c3c4c6",
  Gold: "#c8a24c",
  Cream: "#efe6cf",
  Tan: "#c39a6b",
  Teal: "#207a7a",
  Steel: "#7e8894",
}
const money = (v: number | null, c: string | null) =>
  v == null ? "—" : `${v.toFixed(2)} ${c?.toUpperCase() ?? ""}`
const label = (v: ItemValue) =>
  [v.colour, v.article_type].filter(Boolean).join(" ") || "Item"

function Bars({
  rows,
  title,
}: {
  rows: { label: string; value: number }[]
  title: string
}) {
  const max = Math.max(1, ...rows.map((r) => r.value))
  const h = 24
  return (
    <svg
      role="img"
      aria-label={`${title}: ${rows.map((r) => `${r.label} ${r.value}`).join(", ")}`}
      viewBox={`0 0 400 ${rows.length * h}`}
      width={400}
      height={rows.length * h}
      className="chart"
    >
      {rows.map((r, i) => (
        <g key={r.label} transform={`translate(0 ${i * h})`}>
          <text x="0" y="16" fontSize="12">
            {r.label}
          </text>
          <rect
            x="110"
            y="4"
            height="16"
            width={(250 * r.value) / max}
            fill="#5b6b8c"
          />
          <text x={115 + (250 * r.value) / max} y="16" fontSize="12">
            {r.value}
          </text>
        </g>
      ))}
    </svg>
  )
}

function List({
  title,
  rows,
  testid,
}: {
  title: string
  rows: ItemValue[]
  testid?: string
}) {
  return (
    <section data-testid={testid}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty">None.</p>
      ) : (
        <ol>
          {rows.map((v) => (
            <li key={v.item_id}>
              <Link to={`/wardrobe/items/${v.item_id}`}>{label(v)}</Link> —{" "}
              {v.wears} wears, {money(v.cost_per_wear, v.currency_code)} per
              wear
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export default function Stats() {
  const { stats } = useLoaderData<typeof loader>()
  return (
    <div className="wardrobe">
      <h1>Wardrobe stats</h1>
      <WardrobeNav />
      <p className="lede">
        {stats.items} items · {stats.wears} wears · worth{" "}
        {Object.entries(stats.value)
          .map(([c, v]) => `${v.toFixed(2)} ${c.toUpperCase()}`)
          .join(" + ") || "—"}
      </p>
      <section>
        <h2>Items by family</h2>
        <Bars
          title="Items by family"
          rows={stats.by_family.map((f) => ({
            label: f.family,
            value: f.items,
          }))}
        />
      </section>
      <section>
        <h2>Colour palette</h2>
        <ul className="palette" aria-label="Colour palette">
          {stats.palette.map((p) => (
            <li key={p.colour}>
              <svg width="24" height="24" aria-hidden="true">
                <rect
                  width="24"
                  height="24"
                  rx="4"
                  fill={SWATCH[p.colour] ?? "#999"}
                  stroke="#888"
                />
              </svg>
              {p.colour} — {Math.round(p.share * 100)}%
            </li>
          ))}
        </ul>
      </section>
      <section data-testid="cost-per-wear-ranking">
        <h2>Cost per wear</h2>
        <Bars
          title="Cost per wear"
          rows={stats.cost_per_wear
            .filter((v) => v.cost_per_wear != null)
            .sort((a, b) => a.cost_per_wear! - b.cost_per_wear!)
            .slice(0, 12)
            .map((v) => ({
              label: label(v).slice(0, 16),
              value: v.cost_per_wear!,
            }))}
        />
      </section>
      <List title="Best value" rows={stats.best_value} testid="best-value" />
      <List title="Worst value" rows={stats.worst_value} />
      <List title="Most worn" rows={stats.most_worn} />
      <List title="Never worn" rows={stats.never_worn} />
      <List title="Not worn in 90 days" rows={stats.not_worn_in_90_days} />
    </div>
  )
}
