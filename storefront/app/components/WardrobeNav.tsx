import { NavLink } from "@remix-run/react"

/** The wardrobe's own tabs. */
export function WardrobeNav() {
  return (
    <nav className="wardrobe-nav" aria-label="Wardrobe">
      <NavLink to="/wardrobe" end>
        Items
      </NavLink>
      <NavLink to="/wardrobe/add">Add an item</NavLink>
      <NavLink to="/wardrobe/outfits">Outfits</NavLink>
      <NavLink to="/wardrobe/calendar">Wear calendar</NavLink>
      <NavLink to="/wardrobe/stats">Stats</NavLink>
    </nav>
  )
}
