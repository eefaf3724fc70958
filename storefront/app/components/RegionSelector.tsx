import { Form, useLocation } from "@remix-run/react"

export type RegionOption = {
  id: string
  name: string
  currency_code: string
  countries: string[]
}

/** A plain form: works without JS, the action sets the cookie and sends the shopper back here. */
export function RegionSelector({
  regions,
  currentId,
}: {
  regions: RegionOption[]
  currentId: string
}) {
  const location = useLocation()
  return (
    <Form
      method="post"
      action="/api/region"
      className="region-selector"
      reloadDocument
    >
      <input
        type="hidden"
        name="redirect_to"
        value={location.pathname + location.search}
      />
      <label htmlFor="region-select">Ship to</label>
      <select
        id="region-select"
        name="region_id"
        defaultValue={currentId}
        key={currentId}
      >
        {regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} ({r.currency_code.toUpperCase()})
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small">
        Update
      </button>
    </Form>
  )
}
