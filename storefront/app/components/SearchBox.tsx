import {
  Form,
  Link,
  useFetcher,
  useLocation,
  useSearchParams,
} from "@remix-run/react"
import { useEffect, useId, useState } from "react"
import type { Suggestions } from "~/lib/data/search.server"

/**
 * The one search box: words go to /find (a plain GET form, so it works
 * without JavaScript); with JavaScript, suggestions appear while typing. The
 * camera button goes to photo search.
 */
export function SearchBox() {
  const [params] = useSearchParams()
  const onResults = useLocation().pathname === "/find"
  const defaultValue = onResults ? (params.get("q") ?? "") : ""
  const fetcher = useFetcher<Suggestions>()
  const [q, setQ] = useState(defaultValue)
  const [open, setOpen] = useState(false)
  const listId = useId()
  useEffect(() => setQ(defaultValue), [defaultValue])
  useEffect(() => {
    const term = q.trim()
    if (term.length < 2) return
    const t = setTimeout(
      () => fetcher.load(`/api/search/suggest?q=${encodeURIComponent(term)}`),
      120
    )
    return () => clearTimeout(t)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q])
  const s = fetcher.data
  const hasSuggestions =
    open &&
    q.trim().length >= 2 &&
    !!s &&
    (s.products.length > 0 || s.categories.length > 0 || s.brands.length > 0)
  return (
    <div className="search-box" role="search">
      <Form
        method="get"
        action="/find"
        className="search-box__form"
        onSubmit={() => setOpen(false)}
      >
        <label htmlFor="site-search" className="visually-hidden">
          Search products
        </label>
        <input
          id="site-search"
          name="q"
          type="search"
          placeholder="Search: navy shirt, sneakers…"
          autoComplete="off"
          maxLength={200}
          value={q}
          onChange={(e) => {
            setQ(e.target.value)
            setOpen(true)
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          aria-controls={listId}
          aria-expanded={hasSuggestions}
          data-testid="search-input"
        />
        {/* "Find", not "Search": the photo search page has its own "Search" button */}
        <button
          type="submit"
          className="search-box__submit"
          aria-label="Find products"
        >
          Find
        </button>
        <Link
          to="/search"
          className="search-box__camera"
          aria-label="Search by photo"
          title="Search by photo"
          data-testid="camera-search"
        >
          📷
        </Link>
      </Form>
      {hasSuggestions && (
        <ul
          id={listId}
          className="search-box__suggestions"
          data-testid="search-suggestions"
        >
          {s!.products.map((p) => (
            <li key={p.id}>
              <Link to={`/products/${p.handle}`} onClick={() => setOpen(false)}>
                {p.title}
              </Link>
            </li>
          ))}
          {s!.categories.map((c) => (
            <li key={c.id} className="search-box__category">
              <Link
                to={`/find?q=${encodeURIComponent(c.name)}`}
                onClick={() => setOpen(false)}
              >
                in {c.name}
              </Link>
            </li>
          ))}
          {s!.brands.map((b) => (
            <li key={b} className="search-box__brand">
              <Link
                to={`/find?q=${encodeURIComponent(b)}`}
                onClick={() => setOpen(false)}
              >
                {b}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
