import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react"
import { HotspotProductCard } from "~/components/HotspotProductCard"
import { ReportDialog } from "~/components/ReportDialog"
import { getRegion } from "~/lib/data/regions.server"
import { getComments, getPost } from "~/lib/data/social.server"
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
  const comments = await getComments(post.id, token).catch(() => [])
  const url = new URL(request.url)
  const open = Number(url.searchParams.get("tag") ?? -1)
  return {
    post,
    comments,
    open,
    loggedIn: !!token,
    here: `${url.pathname}${url.search}`,
  }
}

export default function PostPage() {
  const { post, comments, open, loggedIn, here } =
    useLoaderData<typeof loader>()
  const errors = useActionData<{ errors?: Record<string, string[]> }>()?.errors
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
          {openTag && !openTag.variants.length && (
            <section className="similar" data-testid="similar-in-stock">
              <h2>Not available here — similar in stock</h2>
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
