import { Link, useLocation } from "@remix-run/react"

export function Pagination({
  page,
  pageCount,
}: {
  page: number
  pageCount: number
}) {
  const { pathname, search } = useLocation()
  if (pageCount <= 1) return null
  const href = (p: number) => {
    const params = new URLSearchParams(search)
    if (p <= 1) params.delete("page")
    else params.set("page", String(p))
    const qs = params.toString()
    return qs ? `${pathname}?${qs}` : pathname
  }
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  )
}
