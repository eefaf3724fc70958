import { ProductCard, type ProductCardData } from "./ProductCard"

export function ProductGrid({
  products,
  label,
}: {
  products: ProductCardData[]
  label: string
}) {
  if (!products.length) return <p className="empty">No products found.</p>
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((p) => (
        <li key={p.id}>
          <ProductCard product={p} />
        </li>
      ))}
    </ul>
  )
}
