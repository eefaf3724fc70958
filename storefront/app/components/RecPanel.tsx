import { Link } from "@remix-run/react"
import { Price } from "./Price"

export type PanelRec = {
  id: string
  reason: string
  items: {
    slot: string
    product: {
      id: string
      title: string
      handle: string
      thumbnail: string | null
    } | null
    variant: {
      size: string | null
      calculated_price: number
      currency_code: string
    } | null
    owned?: boolean
  }[]
}

/**
 * A product page or wardrobe panel of recommended pieces ("Complete the look",
 * "Bought together"): each piece with its price, size and the reason. Pieces
 * the page already shows (`exclude`) are left out; nothing renders when empty.
 */
export function RecPanel({
  title,
  recs,
  exclude,
  testId,
}: {
  title: string
  recs: PanelRec[]
  exclude?: string
  testId: string
}) {
  const seen = new Set<string>(exclude ? [exclude] : [])
  const pieces = recs.flatMap((r) =>
    r.items
      .filter(
        (i) =>
          i.product &&
          !i.owned &&
          !seen.has(i.product.id) &&
          !!seen.add(i.product.id)
      )
      .map((i) => ({ ...i, product: i.product!, reason: r.reason }))
  )
  if (!pieces.length) return null
  const id = `${testId}-title`
  return (
    <section className="similar" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      <ul className="similar__list">
        {pieces.slice(0, 8).map((p) => (
          <li key={p.product.id} data-testid="panel-item">
            <Link to={`/products/${p.product.handle}`}>
              <span className="rec-piece__media">
                {p.product.thumbnail && (
                  <img
                    src={p.product.thumbnail}
                    alt={p.product.title}
                    loading="lazy"
                    width={200}
                    height={267}
                  />
                )}
              </span>
              <span>{p.product.title}</span>
            </Link>
            {p.variant && (
              <span className="rec-piece__text">
                <span>
                  {p.variant.size ? `Size ${p.variant.size} · ` : ""}
                  <Price
                    amount={p.variant.calculated_price}
                    currencyCode={p.variant.currency_code}
                  />
                </span>
                <span className="rec-card__reason">{p.reason}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
