import { Form, useNavigation } from "@remix-run/react"

export type SetPiece = {
  productId: string
  title: string
  /** the sizes a shopper in this region can pick */
  sizes: { variantId: string; size: string; inStock: boolean }[]
  defaultVariantId: string | null
}

/**
 * "Add these to cart" for a set (an outfit, a post's tags): one labelled size
 * picker per piece, posted as `item.<product_id>` = variant id. A plain form:
 * it works without JavaScript; the page's action adds all or nothing and
 * answers the per-item reasons, shown here.
 */
export function SetToCartForm({
  action,
  hidden,
  pieces,
  label,
  messages,
  testId,
}: {
  action?: string
  hidden: Record<string, string>
  pieces: SetPiece[]
  label: string
  messages?: string[] | null
  testId: string
}) {
  const nav = useNavigation()
  const busy =
    nav.state !== "idle" &&
    Object.entries(hidden).every(([k, v]) => nav.formData?.get(k) === v)
  const idBase = Object.values(hidden).join("-")
  return (
    <Form
      method="post"
      action={action}
      className="add-look"
      data-testid={testId}
      aria-label={label}
    >
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <ul className="add-look__items">
        {pieces.map((p) => (
          <li key={p.productId} className="field">
            <input
              type="hidden"
              name={`title.${p.productId}`}
              value={p.title}
            />
            <label htmlFor={`${idBase}-${p.productId}`}>
              Size for {p.title}
            </label>
            <select
              id={`${idBase}-${p.productId}`}
              name={`item.${p.productId}`}
              defaultValue={p.defaultVariantId ?? ""}
              data-testid="set-size"
            >
              <option value="">— skip —</option>
              {p.sizes.map((s) => (
                <option
                  key={s.variantId}
                  value={s.variantId}
                  disabled={!s.inStock}
                >
                  {s.size}
                  {s.inStock ? "" : " (out of stock)"}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Adding…" : label}
      </button>
      {messages && messages.length > 0 && (
        <div
          className="notice notice--error"
          role="alert"
          data-testid="set-result"
        >
          <ul>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </Form>
  )
}
