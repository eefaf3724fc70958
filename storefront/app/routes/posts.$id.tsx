import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node"
import { redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react"
import { HotspotProductCard } from "~/components/HotspotProductCard"
import { Price } from "~/components/Price"
import { ReportDialog } from "~/components/ReportDialog"
import { getRegion } from "~/lib/data/regions.server"
import {
  addPostTags,
  getComments,
  getPost,
  getTagSuggestions,
  SocialError,
} from "~/lib/data/social.server"
import { getCustomerToken } from "~/lib/session.server"

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `@${data.post.author.handle}'s outfit — CuratorAI`
      : "Post — CuratorAI",
  },
]

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
  const url = new URL(request.url)
  // Visual search is costly: it runs only when the composer sent the author
  // here (?suggest=1, a post made without tags) and a photo is still untagged.
  // Anyone else with the marker gets a 404 from the API and sees nothing.
  const untagged = post.images.some(
    (_, i) => !post.tags.some((t) => t.image === i)
  )
  const [comments, suggestions] = await Promise.all([
    getComments(post.id, token).catch(() => []),
    token && untagged && url.searchParams.get("suggest") === "1"
      ? getTagSuggestions(post.id, { token, regionId: region.id })
      : null,
  ])
  const open = Number(url.searchParams.get("tag") ?? -1)
  return {
    post,
    comments,
    suggestions: (suggestions ?? []).filter((s) => s.products.length > 0),
    open,
    loggedIn: !!token,
    here: `${url.pathname}${url.search}`,
  }
}

/**
 * The author confirms suggested products ("Tag these"): each ticked box is
 * "<photo index>:<product id>". Works without JavaScript; the API's 4xx
 * message comes back as `tagError` for the page to show.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const token = await getCustomerToken(request)
  const id = params.id!
  if (!token) return redirect(`/account/login?redirect_to=/posts/${id}`)
  const form = await request.formData()
  const byImage = new Map<number, string[]>()
  for (const v of new Set(form.getAll("suggested").map(String))) {
    const m = v.match(/^(\d{1,2}):([\w-]{1,100})$/)
    if (!m) continue
    const image = Number(m[1])
    byImage.set(image, [...(byImage.get(image) ?? []), m[2]])
  }
  if (!byImage.size)
    return { tagError: "Tick the products that are in your photo." }
  // Suggestions carry no position on the photo, so the confirmed tags go down
  // its centre line (x 0.5, y from 0.2 in steps of at most 0.12, within 0.2–0.8)
  // rather than all on one spot, where their dots would cover each other and
  // only the top one could be opened.
  const tags = [...byImage].flatMap(([image, ids]) =>
    ids.map((product_id, k) => ({
      image,
      x: 0.5,
      y:
        Math.round(
          (0.2 +
            k * (ids.length > 1 ? Math.min(0.12, 0.6 / (ids.length - 1)) : 0)) *
            1000
        ) / 1000,
      product_id,
    }))
  )
  try {
    await addPostTags(token, id, tags)
  } catch (e) {
    if (e instanceof SocialError)
      return {
        tagError:
          e.status === 404 ? "Only the post's author can tag it." : e.message,
      }
    return { tagError: "We could not save the tags. Please try again." }
  }
  return redirect(`/posts/${id}`)
}

export default function PostPage() {
  const { post, comments, suggestions, open, loggedIn, here } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<{
    errors?: Record<string, string[]>
    tagError?: string
  }>()
  const errors = actionData?.errors
  const openTag = post.tags[open]
  const top = comments.filter((c) => !c.parent_id)
  return (
    <article className="post" data-testid="post">
      <div className="look__body">
        <div>
          {post.images.map((img, i) => (
            <figure key={img.url + i} className="look__figure">
              <div
                className="look__image"
                style={{ aspectRatio: `${img.width} / ${img.height}` }}
              >
                <img
                  src={img.url}
                  alt={post.caption || "Outfit photo"}
                  width={img.width}
                  height={img.height}
                  loading={i === 0 ? "eager" : "lazy"}
                />
                {post.tags.map((t, k) =>
                  t.image === i ? (
                    <Link
                      key={k}
                      to={`?tag=${k}`}
                      preventScrollReset
                      replace
                      className={
                        k === open ? "hotspot hotspot--open" : "hotspot"
                      }
                      style={{ left: `${t.x * 100}%`, top: `${t.y * 100}%` }}
                      aria-label={t.product.title ?? "Tagged product"}
                      data-testid="tag-dot"
                    >
                      <span aria-hidden="true">+</span>
                    </Link>
                  ) : null
                )}
              </div>
            </figure>
          ))}
        </div>
        <div className="look__side">
          <p>
            {post.author.handle && (
              <Link to={`/shoppers/${post.author.handle}`}>
                @{post.author.handle}
              </Link>
            )}{" "}
            · {new Date(post.created_at).toLocaleDateString()}
          </p>
          <p className="post__caption">{post.caption}</p>
          <div className="post-card__actions">
            <Form method="post" action="/api/feed">
              <input
                type="hidden"
                name="intent"
                value={post.liked_by_me ? "unlike" : "like"}
              />
              <input type="hidden" name="post_id" value={post.id} />
              <input type="hidden" name="redirect_to" value={here} />
              <button
                type="submit"
                className="button button--small button--ghost"
                aria-pressed={post.liked_by_me}
                data-testid="like-button"
              >
                {post.liked_by_me ? "♥ Liked" : "♡ Like"} ·{" "}
                <span data-testid="likes-count">{post.likes_count}</span>
              </button>
            </Form>
            <Form method="post" action="/api/feed">
              <input
                type="hidden"
                name="intent"
                value={post.saved_by_me ? "unsave" : "save"}
              />
              <input type="hidden" name="post_id" value={post.id} />
              <input type="hidden" name="redirect_to" value={here} />
              <button
                type="submit"
                className="button button--small button--ghost"
              >
                {post.saved_by_me ? "Saved" : "Save"}
              </button>
            </Form>
          </div>
          {(suggestions.length > 0 || actionData?.tagError) && (
            <section className="similar" data-testid="tag-suggestions">
              <h2>Is this in your photo?</h2>
              {actionData?.tagError && (
                <p className="field-error" role="alert">
                  {actionData.tagError}
                </p>
              )}
              {suggestions.length > 0 && (
                <Form method="post">
                  {suggestions.map((s) => (
                    <fieldset key={s.image}>
                      <legend>Photo {s.image + 1}</legend>
                      <ul className="tag-picker">
                        {s.products.map(({ product, variants }) => {
                          const cheapest = variants.reduce<
                            (typeof variants)[number] | null
                          >(
                            (best, v) =>
                              !best ||
                              v.calculated_price < best.calculated_price
                                ? v
                                : best,
                            null
                          )
                          return (
                            <li key={product.id}>
                              <label>
                                <input
                                  type="checkbox"
                                  name="suggested"
                                  value={`${s.image}:${product.id}`}
                                  data-testid="suggested-product"
                                  data-product-id={product.id}
                                />
                                {product.thumbnail && (
                                  <img
                                    src={product.thumbnail}
                                    alt=""
                                    width={48}
                                    height={48}
                                    loading="lazy"
                                  />
                                )}
                                <span data-testid="suggested-title">
                                  {product.title}
                                </span>
                                <Price
                                  amount={cheapest?.calculated_price}
                                  currencyCode={cheapest?.currency_code}
                                  className="tag-picker__price"
                                />
                              </label>
                            </li>
                          )
                        })}
                      </ul>
                    </fieldset>
                  ))}
                  <button
                    type="submit"
                    className="button button--small"
                    data-testid="tag-these"
                  >
                    Tag these
                  </button>{" "}
                  <Link to={`/posts/${post.id}`}>Not now</Link>
                </Form>
              )}
            </section>
          )}
          {openTag ? (
            <HotspotProductCard
              id={`tag-card-${open}`}
              product={{
                id: openTag.product.id,
                title: openTag.product.title ?? "Product",
                handle: openTag.product.handle ?? "",
                thumbnail: openTag.product.thumbnail,
                variants: openTag.variants.map((v) => ({
                  id: v.id,
                  size: v.size ?? v.title,
                  price: v.calculated_price,
                  currency: v.currency_code,
                  inStock: v.in_stock,
                })),
              }}
            />
          ) : post.tags.length ? (
            <p className="look__hint">
              Tap a + on the photo to shop the tagged item.
            </p>
          ) : null}
          {post.tags.length > 0 && (
            <p>
              <Link
                to={`/posts/${post.id}/buy`}
                className="button button--small"
                data-testid="shop-post-link"
              >
                Add these to cart
              </Link>
            </p>
          )}
          {openTag && openTag.similar_in_stock && (
            <section className="similar" data-testid="similar-in-stock">
              <h2>
                {openTag.variants.length
                  ? "Not in your size — similar in stock"
                  : "Not available here — similar in stock"}
              </h2>
              {openTag.similar_in_stock?.length ? (
                <ul className="tag-picker">
                  {openTag.similar_in_stock.map((s) => (
                    <li key={s.product.id}>
                      <Link to={`/products/${s.product.handle}`}>
                        {s.product.thumbnail && (
                          <img
                            src={s.product.thumbnail}
                            alt=""
                            width={48}
                            height={48}
                            loading="lazy"
                          />
                        )}
                        {s.product.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Nothing similar is in stock right now.</p>
              )}
            </section>
          )}
          <section id="comments" aria-label="Comments">
            <h2>Comments ({post.comments_count})</h2>
            <ul className="comments" data-testid="comments">
              {top.map((c) => (
                <li key={c.id}>
                  <strong>@{c.author.handle}</strong>{" "}
                  {c.deleted ? <em>deleted</em> : c.text}
                  {loggedIn && !c.deleted && (
                    <ReportDialog
                      label="Report"
                      fields={{ intent: "report_comment", comment_id: c.id }}
                      redirectTo={`/posts/${post.id}#comments`}
                    />
                  )}
                  <ul>
                    {comments
                      .filter((r) => r.parent_id === c.id)
                      .map((r) => (
                        <li key={r.id}>
                          <strong>@{r.author.handle}</strong>{" "}
                          {r.deleted ? <em>deleted</em> : r.text}
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
            </ul>
            {loggedIn ? (
              <Form method="post" action="/api/feed" className="comment-form">
                <input type="hidden" name="intent" value="comment" />
                <input type="hidden" name="post_id" value={post.id} />
                <input
                  type="hidden"
                  name="redirect_to"
                  value={`/posts/${post.id}#comments`}
                />
                <label htmlFor="comment-text">Add a comment</label>
                <textarea
                  id="comment-text"
                  name="text"
                  required
                  maxLength={1000}
                  rows={2}
                />
                {errors?.text && (
                  <p className="field-error">{errors.text[0]}</p>
                )}
                <button
                  type="submit"
                  className="button button--small"
                  data-testid="comment-submit"
                >
                  Comment
                </button>
              </Form>
            ) : (
              <p>
                <Link to={`/account/login?redirect_to=/posts/${post.id}`}>
                  Log in
                </Link>{" "}
                to comment.
              </p>
            )}
          </section>
          {loggedIn && (
            <ReportDialog
              label="Report this post"
              fields={{ intent: "report", post_id: post.id }}
              redirectTo={here}
              testId="report-post"
            />
          )}
        </div>
      </div>
    </article>
  )
}
