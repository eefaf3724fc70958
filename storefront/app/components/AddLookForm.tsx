import { useFetcher } from "@remix-run/react"
import { useEffect, useState } from "react"
import type { HotspotProduct } from "./HotspotProductCard"

export type AddLookResponse = {
  ok: boolean
  look_id?: string
  messages: string[]
}

/**
 * "Add this look": one labelled size select per product. Posts to the resource
 * route; without JavaScript the action redirects (to /cart, or back here with a
 * flash message), with JavaScript it answers JSON and the messages show in place.
 */
export function AddLookForm({
  lookbookId,
  lookId,
  handle,
  products,
  defaults,
  flash,
}: {
  lookbookId: string
  lookId: string
  handle: string
  products: HotspotProduct[]
  defaults: Record<string, string>
  flash: AddLookResponse | null
}) {
  const fetcher = useFetcher<AddLookResponse>()
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const result = fetcher.data ?? flash
  const busy = fetcher.state !== "idle"
  return (
    <fetcher.Form
      method="post"
      action="/api/lookbooks/add-look"
      className="add-look"
      data-testid="add-look-form"
      aria-label={`Add this look`}
    >
      <input type="hidden" name="lookbook_id" value={lookbookId} />
      <input type="hidden" name="look_id" value={lookId} />
      <input type="hidden" name="handle" value={handle} />
      {hydrated && <input type="hidden" name="response" value="json" />}
      <h3>Add this look</h3>
      <ul className="add-look__items">
        {products.map((p) => (
          <li key={p.id} className="field">
            <label htmlFor={`look-${lookId}-${p.id}`}>Size for {p.title}</label>
            <select
              id={`look-${lookId}-${p.id}`}
              name={`item.${p.id}`}
              defaultValue={defaults[p.id] ?? ""}
              data-testid="look-size"
            >
              <option value="">— skip —</option>
              {p.variants.map((v) => (
                <option key={v.id} value={v.id} disabled={!v.inStock}>
                  {v.size}
                  {v.inStock ? "" : " (out of stock)"}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Adding…" : "Add this look"}
      </button>
      {result && result.messages.length > 0 && (
        <div
          className={result.ok ? "notice" : "notice notice--error"}
          role={result.ok ? "status" : "alert"}
          data-testid="add-look-result"
        >
          <ul>
            {result.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </fetcher.Form>
  )
}
