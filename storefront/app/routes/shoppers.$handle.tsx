import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Form, useLoaderData } from "@remix-run/react"
import { PostCard } from "~/components/PostCard"
import { ReportDialog } from "~/components/ReportDialog"
import { getRegion } from "~/lib/data/regions.server"
import { getShopper } from "~/lib/data/social.server"
import { getCustomerToken } from "~/lib/session.server"

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `@${data.shopper.handle} — CuratorAI` : "Shopper — CuratorAI",
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [token, { region }] = await Promise.all([
    getCustomerToken(request),
    getRegion(request),
  ])
  const found = await getShopper(params.handle!, { token, regionId: region.id })
  if (!found)
    throw new Response(`No shopper @${params.handle}.`, { status: 404 })
  return { ...found, loggedIn: !!token, here: new URL(request.url).pathname }
}

export default function ShopperPage() {
  const { shopper, posts, loggedIn, here } = useLoaderData<typeof loader>()
  return (
    <section className="shopper">
      <header className="shopper__head">
        <div>
          <h1>{shopper.display_name}</h1>
          <p className="muted">@{shopper.handle}</p>
          {shopper.bio && <p>{shopper.bio}</p>}
          <p>
            <strong data-testid="followers-count">
              {shopper.followers_count}
            </strong>{" "}
            followers · <strong>{shopper.following_count}</strong> following ·{" "}
            <strong>{shopper.posts_count}</strong> posts
          </p>
        </div>
        {loggedIn && !shopper.is_me && (
          <Form method="post" action="/api/feed">
            <input
              type="hidden"
              name="intent"
              value={shopper.followed_by_me ? "unfollow" : "follow"}
            />
            <input type="hidden" name="handle" value={shopper.handle} />
            <input type="hidden" name="redirect_to" value={here} />
            <button
              type="submit"
              className={
                shopper.followed_by_me ? "button button--ghost" : "button"
              }
              data-testid="follow-button"
            >
              {shopper.followed_by_me ? "Following" : "Follow"}
            </button>
          </Form>
        )}
        {loggedIn && !shopper.is_me && (
          <ReportDialog
            label="Report this profile"
            fields={{ intent: "report_profile", handle: shopper.handle }}
            redirectTo={here}
          />
        )}
      </header>
      <div className="post-grid">
        {posts.map((p) => (
          <PostCard key={p.id} post={p} redirectTo={here} />
        ))}
      </div>
    </section>
  )
}
