import type { LoaderFunctionArgs } from "@remix-run/node"
import { Await, Link, useLoaderData } from "@remix-run/react"
import { Suspense } from "react"
import { LookbookList } from "~/components/LookbookCard"
import { ProductGrid } from "~/components/ProductGrid"
import { listLookbooks } from "~/lib/data/lookbooks.server"
import { listProducts, toCard } from "~/lib/data/products.server"
import { getRegion } from "~/lib/data/regions.server"

const NEW_ARRIVALS = 24
const FEATURED_LOOKBOOKS = 3

export async function loader({ request }: LoaderFunctionArgs) {
  const { region } = await getRegion(request)
  // May load later, never throws: lookbooks stream in under the hero.
  const lookbooks = listLookbooks().then((l) => l.slice(0, FEATURED_LOOKBOOKS))
  const { products } = await listProducts({
    regionId: region.id,
    limit: NEW_ARRIVALS,
    sort: "newest",
  })
  return { products: products.map(toCard), lookbooks }
}

export default function Index() {
  const { products, lookbooks } = useLoaderData<typeof loader>()
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Fashion, curated for you</h1>
        <p>
          New arrivals every week, picked by our AI stylist. Find your size,
          your style, your look.
        </p>
        <Link to="/store" className="button">
          Shop the collection
        </Link>
      </section>
      <Suspense fallback={null}>
        <Await resolve={lookbooks} errorElement={null}>
          {(items) =>
            items.length ? (
              <section
                aria-labelledby="lookbooks-title"
                className="home-lookbooks"
              >
                <div className="section-head">
                  <h2 id="lookbooks-title">Lookbooks</h2>
                  <Link to="/lookbooks">All lookbooks →</Link>
                </div>
                <LookbookList lookbooks={items} />
              </section>
            ) : null
          }
        </Await>
      </Suspense>
      <section aria-labelledby="new-arrivals">
        <h2 id="new-arrivals">New arrivals</h2>
        <ProductGrid products={products} label="New arrivals" />
      </section>
    </>
  )
}
