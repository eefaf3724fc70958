import { Link } from "@remix-run/react"

export type LookbookCardData = {
  id: string
  title: string
  handle: string
  description: string | null
  cover_image: string | null
  look_count: number
}

export function LookbookCard({ lookbook }: { lookbook: LookbookCardData }) {
  return (
    <article className="lookbook-card" data-testid="lookbook-card">
      <Link
        to={`/lookbooks/${lookbook.handle}`}
        className="lookbook-card__link"
        prefetch="intent"
      >
        <div className="lookbook-card__media">
          {lookbook.cover_image ? (
            <img
              src={lookbook.cover_image}
              alt=""
              loading="lazy"
              width={600}
              height={400}
            />
          ) : (
            <div className="product-card__placeholder" aria-hidden="true" />
          )}
        </div>
        <h3 className="lookbook-card__title">{lookbook.title}</h3>
      </Link>
      {lookbook.description && (
        <p className="lookbook-card__description">{lookbook.description}</p>
      )}
      <p className="lookbook-card__count">
        {lookbook.look_count} {lookbook.look_count === 1 ? "look" : "looks"}
      </p>
    </article>
  )
}

export function LookbookList({ lookbooks }: { lookbooks: LookbookCardData[] }) {
  if (!lookbooks.length) return <p className="empty">No lookbooks yet.</p>
  return (
    <ul className="lookbook-list" aria-label="Lookbooks">
      {lookbooks.map((l) => (
        <li key={l.id}>
          <LookbookCard lookbook={l} />
        </li>
      ))}
    </ul>
  )
}
