import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node"
import { Link, useActionData, useLoaderData } from "@remix-run/react"
import { Price } from "~/components/Price"
import { SetToCartForm } from "~/components/SetToCartForm"
import { getOrCreateCart } from "~/lib/data/cart.server"
import { getRegion } from "~/lib/data/regions.server"
import {
  addSetToCart,
  describeRefusal,
  pickedItems,
} from "~/lib/data/set-cart.server"
import { getPost } from "~/lib/data/social.server"
import { getCustomerToken } from "~/lib/session.server"

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Shop @${data.post.author.handle}'s outfit — CuratorAI`
      : "Shop this post — CuratorAI",
  },
]

/** "Add these to cart" for a post's tagged products (only a post this viewer can see). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [token, { region }] = await Promise.all([
    getCustomerToken(request),
    getRegion(request),
  ])
  const post = await getPost(params.id!, { token, regionId: region.id })
  if (!post)
    throw new Response("This post does not exist or is not visible to you.", {
      status: 404,
    })
  // one entry per tagged product (a product tagged twice is bought once)
  const seen = new Set<string>()
  const tags = post.tags.filter(
    (t) => !seen.has(t.product.id) && !!seen.add(t.product.id)
  )
  return { post, tags }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  const items = pickedItems(form)
  if (!items.length)
    return Response.json(
      { messages: ["Choose a size for at least one piece"] },
      { status: 400 }
    )
  const [token, { region }] = await Promise.all([
    getCustomerToken(request),
    getRegion(request),
  ])
  const { cart, setCookie } = await getOrCreateCart(request, region.id)
  const headers = new Headers()
  if (setCookie) headers.append("Set-Cookie", setCookie)
  const result = await addSetToCart(
    { type: "post", id: params.id! },
    cart.id,
    items,
    token
  )
  if (result.ok) return redirect("/cart", { headers })
  if (result.status === 404)
    throw new Response("This post does not exist or is not visible to you.", {
      status: 404,
    })
  const names = new Map(
    items.map((i) => [
      i.product_id,
      String(form.get(`title.${i.product_id}`) ?? ""),
    ])
  )
  const messages = result.items.some((i) => !i.ok)
    ? [
        ...result.items
          .filter((i) => !i.ok)
          .map((i) => describeRefusal(i, names)),
        "Nothing was added: your cart is unchanged.",
      ]
    : [result.message]
  return Response.json(
    { messages },
    { status: result.status === 409 ? 409 : 400, headers }
  )
}

export default function ShopPost() {
  const { post, tags } = useLoaderData<typeof loader>()
  const result = useActionData<{ messages: string[] }>()
  const img = post.images[0]
  return (
    <section className="shop-post" data-testid="shop-post">
      <p>
        <Link to={`/posts/${post.id}`}>← Back to the post</Link>
      </p>
      <h1>Shop @{post.author.handle}&apos;s outfit</h1>
      <div className="shop-post__body">
        {img && (
          <div
            className="shop-post__image"
            style={{ aspectRatio: `${img.width} / ${img.height}` }}
          >
            <img
              src={img.url}
              alt={post.caption || "Outfit photo"}
              width={img.width}
              height={img.height}
              loading="lazy"
            />
          </div>
        )}
        <div>
          {tags.length === 0 ? (
            <p>This post tags no products.</p>
          ) : (
            <>
              <ul className="rec-pieces">
                {tags.map((t) => {
                  const cheapest = t.variants.find((v) => v.in_stock)
                  return (
                    <li
                      key={t.product.id}
                      className="rec-piece"
                      data-testid="post-tag-product"
                    >
                      <div className="rec-piece__media">
                        {t.product.thumbnail && (
                          <img
                            src={t.product.thumbnail}
                            alt={t.product.title ?? "Tagged product"}
                            loading="lazy"
                            width={300}
                            height={400}
                          />
                        )}
                      </div>
                      <div className="rec-piece__text">
                        <Link to={`/products/${t.product.handle}`}>
                          {t.product.title}
                        </Link>
                        {cheapest ? (
                          <Price
                            amount={cheapest.calculated_price}
                            currencyCode={cheapest.currency_code}
                          />
                        ) : (
                          <span>Not available in your region</span>
                        )}
                      </div>
                    </li>
                  )
                })}
              </ul>
              <SetToCartForm
                hidden={{ post_id: post.id }}
                label="Add these to cart"
                testId="add-post-form"
                messages={result?.messages}
                pieces={tags.map((t) => ({
                  productId: t.product.id,
                  title: t.product.title ?? "Tagged product",
                  defaultVariantId:
                    (t.variant_id &&
                      t.variants.find(
                        (v) => v.id === t.variant_id && v.in_stock
                      )?.id) ||
                    t.variants.find((v) => v.in_stock)?.id ||
                    null,
                  sizes: t.variants.map((v) => ({
                    variantId: v.id,
                    size: v.size ?? v.title,
                    inStock: v.in_stock,
                  })),
                }))}
              />
            </>
          )}
        </div>
      </div>
    </section>
  )
}
