import { Link, useFetcher } from "@remix-run/react"
import { Price } from "./Price"

export type HotspotVariant = {
  id: string
  size: string
  price: number | null
  currency: string | null
  inStock: boolean
}
export type HotspotProduct = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  variants: HotspotVariant[]
}

/** The card a hotspot opens: title, price in the region currency, a link, and a size picker that adds one item. */
export function HotspotProductCard({
  product,
  id,
}: {
  product: HotspotProduct
  id: string
}) {
  const fetcher = useFetcher<{
    errors?: Record<string, string[] | undefined>
  }>()
  const prices = product.variants.filter((v) => v.price != null)
  const cheapest = prices.reduce<HotspotVariant | null>(
    (best, v) => (!best || v.price! < best.price! ? v : best),
    null
  )
  const inStock = product.variants.filter((v) => v.inStock)
  const error = fetcher.data?.errors
    ? Object.values(fetcher.data.errors).flat()[0]
    : undefined
  return (
    <div
      className="hotspot-card"
      id={id}
      data-testid="hotspot-card"
      aria-live="polite"
    >
      {product.thumbnail && (
        <img src={product.thumbnail} alt="" width={120} height={160} />
      )}
      <div>
        <h3 className="hotspot-card__title">
          <Link to={`/products/${product.handle}`}>{product.title}</Link>
        </h3>
        <Price
          amount={cheapest?.price}
          currencyCode={cheapest?.currency}
          className="hotspot-card__price"
        />
        <fetcher.Form
          method="post"
          action="/api/cart/lines"
          className="hotspot-card__form"
        >
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="quantity" value="1" />
          <label htmlFor={`${id}-size`}>Size</label>
          <select
            id={`${id}-size`}
            name="variant_id"
            defaultValue={inStock[0]?.id ?? ""}
          >
            {product.variants.map((v) => (
              <option key={v.id} value={v.id} disabled={!v.inStock}>
                {v.size}
                {v.inStock ? "" : " — out of stock"}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button button--small"
            disabled={!inStock.length || fetcher.state !== "idle"}
          >
            {inStock.length ? "Add to cart" : "Out of stock"}
          </button>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </fetcher.Form>
      </div>
    </div>
  )
}
