import { Link } from "@remix-run/react"

export type SimilarItem = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
}

export function SimilarProducts({ items }: { items: SimilarItem[] }) {
  if (!items.length) return null
  return (
    <section className="similar" aria-labelledby="similar-title">
      <h2 id="similar-title">Similar products</h2>
      <ul className="similar__list">
        {items.map((p) => (
          <li key={p.id}>
            <Link to={`/products/${p.handle}`}>
              {p.thumbnail && (
                <img
                  src={p.thumbnail}
                  alt={p.title}
                  loading="lazy"
                  width={200}
                  height={267}
                />
              )}
              <span>{p.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
