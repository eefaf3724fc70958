import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Await, useFetcher, useLoaderData } from "@remix-run/react"
import { Suspense } from "react"
import { Price } from "~/components/Price"
import { RecPanel } from "~/components/RecPanel"
import { SimilarProducts } from "~/components/SimilarProducts"
import { SizeSelector, type SizeOption } from "~/components/SizeSelector"
import {
  getAvailability,
  getProductByHandle,
  getSimilarProducts,
  minPrice,
  sizeOf,
} from "~/lib/data/products.server"
import { getProductPanel } from "~/lib/data/recommendations.server"
import { getRegion } from "~/lib/data/regions.server"

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `${data.product.title} — CuratorAI` : "Not found — CuratorAI",
  },
  { name: "description", content: data?.product.description ?? "" },
]

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { region } = await getRegion(request)
  // Must load: the product (404 when unknown) and its stock for the region (falls back, never throws).
  const product = await getProductByHandle(params.handle ?? "", region.id)
  if (!product) throw new Response("Not found", { status: 404 })
  const availability = await getAvailability(product, region.id)
  // May load later: similar products stream in; the promise never rejects.
  const similar = getSimilarProducts(product.id, region.id, 6)
  // the public recommendation panels, streamed the same way (never reject)
  const completeTheLook = getProductPanel(product.id, "complete-the-look", {
    regionId: region.id,
  })
  const boughtTogether = getProductPanel(product.id, "bought-together", {
    regionId: region.id,
  })

  const stock = new Map(availability.variants.map((v) => [v.id, v]))
  const sizes: SizeOption[] = (product.variants ?? []).map((v) => ({
    variantId: v.id,
    size: sizeOf(v) ?? v.title ?? "One size",
    inStock: stock.get(v.id)?.in_stock ?? false,
    quantity: stock.get(v.id)?.quantity ?? null,
  }))
  const images = (product.images ?? []).map((i) => i.url).filter(Boolean)
  if (!images.length && product.thumbnail) images.push(product.thumbnail)

  return {
    product: {
      id: product.id,
      title: product.title,
      description: product.description,
      images,
      price: minPrice(product),
      details: product.metadata ?? {},
    },
    sizes,
    regionName: region.name,
    similar,
    completeTheLook,
    boughtTogether,
  }
}

type CartActionData = { errors?: Record<string, string[] | undefined> }

export default function ProductPage() {
  const {
    product,
    sizes,
    regionName,
    similar,
    completeTheLook,
    boughtTogether,
  } = useLoaderData<typeof loader>()
  const fetcher = useFetcher<CartActionData>()
  const errors = fetcher.data?.errors
  const anyInStock = sizes.some((s) => s.inStock)
  const details = ["base_colour", "usage", "season", "article_type"]
    .map((k) => [k, product.details[k]] as const)
    .filter(([, v]) => typeof v === "string" && v)

  return (
    <>
      <div className="product">
        <div className="product__gallery" aria-label="Product images">
          {product.images.map((src, i) => (
            <img
              key={src + i}
              src={src}
              alt={i === 0 ? product.title : `${product.title}, image ${i + 1}`}
              width={600}
              height={800}
            />
          ))}
        </div>
        <div className="product__info">
          <h1 data-testid="product-name">{product.title}</h1>
          <Price
            amount={product.price?.amount}
            currencyCode={product.price?.currency}
            className="product__price"
          />
          {product.description && (
            <p className="product__description">{product.description}</p>
          )}
          {details.length > 0 && (
            <dl className="product__details">
              {details.map(([k, v]) => (
                <div key={k}>
                  <dt>{k.replace("_", " ")}</dt>
                  <dd>{String(v)}</dd>
                </div>
              ))}
            </dl>
          )}
          <fetcher.Form
            method="post"
            action="/api/cart/lines"
            className="add-to-cart"
          >
            <input type="hidden" name="intent" value="add" />
            <SizeSelector options={sizes} error={errors?.variant_id?.[0]} />
            <div className="field field--inline">
              <label htmlFor="quantity">Quantity</label>
              <input
                id="quantity"
                name="quantity"
                type="number"
                min={1}
                max={10}
                defaultValue={1}
                inputMode="numeric"
              />
            </div>
            {errors?.quantity && (
              <p className="field-error" role="alert">
                {errors.quantity[0]}
              </p>
            )}
            {errors?.form && (
              <p className="field-error" role="alert">
                {errors.form[0]}
              </p>
            )}
            <button
              type="submit"
              className="button button--wide"
              disabled={!anyInStock || fetcher.state !== "idle"}
            >
              {fetcher.state !== "idle"
                ? "Adding…"
                : anyInStock
                  ? "Add to cart"
                  : `Out of stock in ${regionName}`}
            </button>
          </fetcher.Form>
        </div>
      </div>
      <Suspense fallback={null}>
        <Await resolve={completeTheLook} errorElement={null}>
          {(recs) => (
            <RecPanel
              title="Complete the look"
              recs={recs}
              exclude={product.id}
              testId="complete-the-look"
            />
          )}
        </Await>
      </Suspense>
      <Suspense fallback={null}>
        <Await resolve={boughtTogether} errorElement={null}>
          {(recs) => (
            <RecPanel
              title="Bought together"
              recs={recs}
              exclude={product.id}
              testId="bought-together"
            />
          )}
        </Await>
      </Suspense>
      <Suspense fallback={null}>
        <Await resolve={similar} errorElement={null}>
          {(items) => <SimilarProducts items={items} />}
        </Await>
      </Suspense>
    </>
  )
}
