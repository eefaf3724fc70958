import { Link } from "@remix-run/react"
import { Price } from "./Price"
import { SizeChips } from "./SizeChips"

export type ProductCardData = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  price: { amount: number; currency: string } | null
  sizes: string[]
}

export function ProductCard({ product }: { product: ProductCardData }) {
  return (
    <article className="product-card" data-testid="product-card">
      <Link
        to={`/products/${product.handle}`}
        className="product-card__link"
        prefetch="intent"
      >
        <div className="product-card__media">
          {product.thumbnail ? (
            <img
              src={product.thumbnail}
              alt={product.title}
              loading="lazy"
              width={400}
              height={533}
            />
          ) : (
            <div
              className="product-card__placeholder"
              role="img"
              aria-label={product.title}
            />
          )}
        </div>
        <h3 className="product-card__title" data-testid="product-title">
          {product.title}
        </h3>
      </Link>
      <Price
        amount={product.price?.amount}
        currencyCode={product.price?.currency}
        className="product-card__price"
      />
      <SizeChips sizes={product.sizes} />
    </article>
  )
}
