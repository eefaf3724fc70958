import { Link, NavLink } from "@remix-run/react"
import { RegionSelector, type RegionOption } from "./RegionSelector"

export function Header({
  regions,
  regionId,
  nav,
  cartCount,
}: {
  regions: RegionOption[]
  regionId: string
  nav: { id: string; name: string }[]
  cartCount: number
}) {
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className="site-header__inner">
        <Link to="/" className="logo" aria-label="CuratorAI home">
          Curator<span>AI</span>
        </Link>
        <nav aria-label="Main" className="main-nav">
          <ul>
            <li>
              <NavLink to="/store" end>
                Shop all
              </NavLink>
            </li>
            {nav.map((c) => (
              <li key={c.id}>
                <Link to={`/store?category_id=${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="site-header__actions">
          <RegionSelector regions={regions} currentId={regionId} />
          <Link to="/cart" className="cart-link" data-testid="cart-link">
            Cart <span className="cart-count" aria-label={`${cartCount} items in cart`}>{cartCount}</span>
          </Link>
        </div>
      </div>
    </header>
  )
}
