import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node"
import { redirect } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { getNotifications, markRead } from "~/lib/data/social.server"
import { getCustomerToken } from "~/lib/session.server"

export const meta: MetaFunction = () => [{ title: "Notifications — CuratorAI" }]

const TEXT = {
  like: "liked your post",
  comment: "commented on your post",
  reply: "replied to your comment",
  follow: "started following you",
  back_in_stock: "is back in stock",
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await getCustomerToken(request)
  if (!token) throw redirect("/account/login?redirect_to=/notifications")
  return getNotifications(token)
}

/** Marks every notification read. */
export async function action({ request }: ActionFunctionArgs) {
  const token = await getCustomerToken(request)
  if (!token) return redirect("/account/login?redirect_to=/notifications")
  await markRead(token)
  return redirect("/notifications")
}

export default function NotificationsPage() {
  const { notifications, unread_count } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>Notifications</h1>
      {unread_count > 0 && (
        <Form method="post">
          <button type="submit" className="button button--small button--ghost">
            Mark all read
          </button>
        </Form>
      )}
      {notifications.length === 0 ? (
        <p className="empty">No notifications yet.</p>
      ) : (
        <ul className="notifications" data-testid="notifications">
          {notifications.map((n) => (
            <li
              key={n.id}
              className={n.read_at ? "" : "unread"}
              data-type={n.type}
            >
              {n.actor?.handle ? (
                <Link to={`/shoppers/${n.actor.handle}`}>
                  @{n.actor.handle}
                </Link>
              ) : (
                "Someone"
              )}{" "}
              {TEXT[n.type]}
              {n.post_id && (
                <>
                  {" "}
                  · <Link to={`/posts/${n.post_id}`}>view</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
