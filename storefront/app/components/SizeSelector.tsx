export type SizeOption = {
  variantId: string
  size: string
  inStock: boolean
  quantity: number | null
}

/** Radio inputs: a shopper can pick only sizes in stock for their region. */
export function SizeSelector({
  options,
  error,
}: {
  options: SizeOption[]
  error?: string
}) {
  const firstInStock = options.find((o) => o.inStock)
  return (
    <fieldset
      className="size-selector"
      aria-describedby={error ? "size-error" : undefined}
    >
      <legend>Size</legend>
      <div className="size-selector__options">
        {options.map((o) => (
          <label
            key={o.variantId}
            className={
              o.inStock ? "size-option" : "size-option size-option--out"
            }
            data-testid="size-option"
          >
            <input
              type="radio"
              name="variant_id"
              value={o.variantId}
              disabled={!o.inStock}
              required
              defaultChecked={o.variantId === firstInStock?.variantId}
            />
            <span>
              {o.size}
              {!o.inStock && (
                <span className="visually-hidden"> (out of stock)</span>
              )}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="size-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}
