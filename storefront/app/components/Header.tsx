import { Link, NavLink } from "@remix-run/react"
import { RegionSelector, type RegionOption } from "./RegionSelector"
import { SearchBox } from "./SearchBox"

export function Header({
  regions,
  regionId,
  nav,
  cartCount,
  loggedIn,
}: {
  regions: RegionOption[]
  regionId: string
  nav: { id: string; name: string }[]
  cartCount: number
  loggedIn: boolean
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
            <li>
              <NavLink to="/lookbooks">Lookbooks</NavLink>
            </li>
            <li>
              <NavLink to="/search">Photo search</NavLink>
            </li>
            <li>
              <NavLink to="/wardrobe">Wardrobe</NavLink>
            </li>
            {nav.map((c) => (
              <li key={c.id}>
                <Link to={`/store?category_id=${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox />
        <div className="site-header__actions">
          <RegionSelector regions={regions} currentId={regionId} />
          <Link to={loggedIn ? "/account" : "/account/login"} className="account-link" data-testid="account-link">
            {loggedIn ? "Account" : "Log in"}
          </Link>
          <Link to="/cart" className="cart-link" data-testid="cart-link">
            Cart <span className="cart-count" aria-label={`${cartCount} items in cart`}>{cartCount}</span>
          </Link>
        </div>
      </div>
    </header>
  )
}
