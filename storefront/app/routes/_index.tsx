import type { LoaderFunctionArgs } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { ProductGrid } from "~/components/ProductGrid"
import { listProducts, toCard } from "~/lib/data/products.server"
import { getRegion } from "~/lib/data/regions.server"

const NEW_ARRIVALS = 24

export async function loader({ request }: LoaderFunctionArgs) {
  const { region } = await getRegion(request)
  const { products } = await listProducts({ regionId: region.id, limit: NEW_ARRIVALS, sort: "newest" })
  return { products: products.map(toCard) }
}

export default function Index() {
  const { products } = useLoaderData<typeof loader>()
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Fashion, curated for you</h1>
        <p>New arrivals every week, picked by our AI stylist. Find your size, your style, your look.</p>
        <Link to="/store" className="button">
          Shop the collection
        </Link>
      </section>
      <section aria-labelledby="new-arrivals">
        <h2 id="new-arrivals">New arrivals</h2>
        <ProductGrid products={products} label="New arrivals" />
      </section>
    </>
  )
}
