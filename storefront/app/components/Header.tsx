import { Link, NavLink } from "@remix-run/react"
import { RegionSelector, type RegionOption } from "./RegionSelector"
import { SearchBox } from "./SearchBox"

export function Header({
  regions,
  regionId,
  nav,
  cartCount,
  loggedIn,
  unread = 0,
}: {
  regions: RegionOption[]
  regionId: string
  nav: { id: string; name: string }[]
  cartCount: number
  loggedIn: boolean
  /** unread feed notifications (the bell), only when logged in */
  unread?: number
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
            <li>
              <NavLink to="/feed">Feed</NavLink>
            </li>
            {loggedIn && (
              <li>
                <NavLink to="/for-you" data-testid="nav-for-you">
                  For you
                </NavLink>
              </li>
            )}
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
          {loggedIn && (
            <Link
              to="/notifications"
              className="bell"
              data-testid="bell"
              aria-label={`Notifications, ${unread} unread`}
            >
              <svg
                width="18"
                height="18"
                viewBox="0 0 24 24"
                aria-hidden="true"
              >
                <path
                  fill="currentColor"
                  d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6v-5a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1z"
                />
              </svg>
              {unread > 0 && (
                <span className="bell__count" data-testid="bell-count">
                  {unread}
                </span>
              )}
            </Link>
          )}
          <Link
            to={loggedIn ? "/account" : "/account/login"}
            className="account-link"
            data-testid="account-link"
          >
            {loggedIn ? "Account" : "Log in"}
          </Link>
          <Link to="/cart" className="cart-link" data-testid="cart-link">
            Cart{" "}
            <span
              className="cart-count"
              aria-label={`${cartCount} items in cart`}
            >
              {cartCount}
            </span>
          </Link>
        </div>
      </div>
    </header>
  )
}
