import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { redirect } from "@remix-run/node"
import { Link, NavLink, useLoaderData } from "@remix-run/react"
import { PostCard } from "~/components/PostCard"
import { getRegion } from "~/lib/data/regions.server"
import { getFeed, SocialError, type FeedMode } from "~/lib/data/social.server"
import { getCustomerToken } from "~/lib/session.server"

export const meta: MetaFunction = () => [{ title: "Feed — CuratorAI" }]

const MODES: { mode: FeedMode; label: string }[] = [
  { mode: "trending", label: "Trending" },
  { mode: "following", label: "Following" },
  { mode: "for_you", label: "For you" },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const mode = (MODES.find((m) => m.mode === url.searchParams.get("mode"))
    ?.mode ?? "trending") as FeedMode
  const [token, { region }] = await Promise.all([
    getCustomerToken(request),
    getRegion(request),
  ])
  const cursor = url.searchParams.get("cursor") ?? undefined
  const feed = await getFeed(mode, {
    token,
    cursor,
    regionId: region.id,
  }).catch((e) => {
    // a stale or edited cursor starts the feed over instead of failing the page
    if (e instanceof SocialError && e.status === 400 && cursor)
      throw redirect(`/feed?mode=${mode}`)
    throw e
  })
  return {
    mode,
    loggedIn: !!token,
    here: `${url.pathname}${url.search}`,
    ...feed,
  }
}

export default function FeedPage() {
  const { mode, posts, next_cursor, loggedIn, here } =
    useLoaderData<typeof loader>()
  return (
    <section className="feed">
      <div className="feed__head">
        <h1>Community feed</h1>
        <Link
          to={loggedIn ? "/feed/new" : "/account/login?redirect_to=/feed/new"}
          className="button"
          data-testid="new-post"
        >
          Share an outfit
        </Link>
      </div>
      <nav className="tabs" aria-label="Feed">
        {MODES.map((m) => (
          <NavLink
            key={m.mode}
            to={`/feed?mode=${m.mode}`}
            className={() => (m.mode === mode ? "tab tab--active" : "tab")}
            aria-current={m.mode === mode ? "page" : undefined}
            data-testid={`tab-${m.mode}`}
          >
            {m.label}
          </NavLink>
        ))}
      </nav>
      {mode === "following" && !loggedIn && (
        <p>Log in to see posts from shoppers you follow.</p>
      )}
      {posts.length === 0 ? (
        <p className="empty" data-testid="feed-empty">
          Nothing here yet.
        </p>
      ) : (
        <div className="post-grid" data-testid="feed">
          {posts.map((p) => (
            <PostCard key={p.id} post={p} redirectTo={here} />
          ))}
        </div>
      )}
      {next_cursor && (
        <p className="feed__more">
          <Link
            to={`/feed?mode=${mode}&cursor=${encodeURIComponent(next_cursor)}`}
            className="button button--ghost"
          >
            More posts
          </Link>
        </p>
      )}
    </section>
  )
}
