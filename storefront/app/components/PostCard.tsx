import { Form, Link } from "@remix-run/react"
import type { Post } from "~/lib/data/social.server"

/** A post in a feed: first photo at a fixed aspect ratio (no layout shift), author, caption, like form. */
export function PostCard({
  post,
  redirectTo,
}: {
  post: Post
  redirectTo: string
}) {
  const img = post.images[0]
  return (
    <article
      className="post-card"
      data-testid="post-card"
      data-post-id={post.id}
    >
      <Link
        to={`/posts/${post.id}`}
        className="post-card__image"
        style={{ aspectRatio: img ? `${img.width} / ${img.height}` : "3 / 4" }}
      >
        {img && (
          <img
            src={img.url}
            alt={post.caption || "Outfit photo"}
            width={img.width}
            height={img.height}
            loading="lazy"
            decoding="async"
          />
        )}
        {post.tags.length > 0 && (
          <span className="post-card__tags">{post.tags.length} tagged</span>
        )}
      </Link>
      <div className="post-card__body">
        {post.author.handle && (
          <Link
            to={`/shoppers/${post.author.handle}`}
            className="post-card__author"
          >
            @{post.author.handle}
          </Link>
        )}
        <p className="post-card__caption">{post.caption}</p>
        <div className="post-card__actions">
          <Form method="post" action="/api/feed" className="inline-form">
            <input
              type="hidden"
              name="intent"
              value={post.liked_by_me ? "unlike" : "like"}
            />
            <input type="hidden" name="post_id" value={post.id} />
            <input type="hidden" name="redirect_to" value={redirectTo} />
            <button
              type="submit"
              className="button button--small button--ghost"
              aria-pressed={post.liked_by_me}
              data-testid="like-button"
            >
              {post.liked_by_me ? "♥" : "♡"}{" "}
              <span data-testid="likes-count">{post.likes_count}</span>
            </button>
          </Form>
          <Link
            to={`/posts/${post.id}#comments`}
            className="post-card__comments"
          >
            {post.comments_count} comments
          </Link>
        </div>
      </div>
    </article>
  )
}
