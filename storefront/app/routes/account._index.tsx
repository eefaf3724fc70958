import {
  data as withHeaders,
  redirect,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import { Price } from "~/components/Price"
import { getCustomer, listCustomerOrders } from "~/lib/data/customers.server"
import { commitSession, getSession } from "~/lib/session.server"

export const meta: MetaFunction = () => [{ title: "Your account — CuratorAI" }]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const token = session.get("customer_token") ?? null
  const customer = await getCustomer(token)
  if (!token || !customer) {
    // An expired token: forget it, then ask to log in again.
    session.unset("customer_token")
    throw redirect("/account/login", {
      headers: { "Set-Cookie": await commitSession(session) },
    })
  }
  const { orders } = await listCustomerOrders(token).catch(() => ({
    orders: [],
  }))
  const notice = session.get("account_notice") ?? null
  const data = {
    passwordRemoved: notice === "password_removed",
    customer: {
      email: customer.email,
      first_name: customer.first_name,
      last_name: customer.last_name,
    },
    orders: orders.map((o) => ({
      id: o.id,
      display_id: o.display_id,
      created_at: o.created_at,
      status: o.status,
      total: o.total,
      currency_code: o.currency_code,
      items: (o.items ?? []).length,
    })),
  }
  // Reading a flash consumes it: commit the session so it shows once.
  return withHeaders(
    data,
    notice
      ? { headers: { "Set-Cookie": await commitSession(session) } }
      : undefined
  )
}

export default function Account() {
  const { customer, orders, passwordRemoved } = useLoaderData<typeof loader>()
  return (
    <div className="account">
      <h1>Hello, {customer.first_name || customer.email}</h1>
      <p className="lede">Signed in as {customer.email}.</p>
      {passwordRemoved && (
        <p className="notice" role="status" data-testid="password-removed">
          This account now signs in with Google. The password it had was
          removed: it was set before the email address was confirmed, so it
          could have been set by someone else.
        </p>
      )}
      <Form method="post" action="/account/logout">
        <button type="submit" className="button button--ghost button--small">
          Log out
        </button>
      </Form>
      <p>
        <Link to="/account/style">Your style profile</Link> — sizes, budget and
        the styles and colours you like.
      </p>
      <h2>Your orders</h2>
      {orders.length === 0 ? (
        <p className="empty">
          No orders yet. <Link to="/store">Start shopping</Link>
        </p>
      ) : (
        <table className="cart-table" data-testid="order-history">
          <caption className="visually-hidden">Your orders</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Date</th>
              <th scope="col">Items</th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/order/confirmed/${o.id}`}>
                    Order #{o.display_id}
                  </Link>
                </td>
                <td>
                  {o.created_at
                    ? new Date(o.created_at).toLocaleDateString("en")
                    : ""}
                </td>
                <td>{o.items}</td>
                <td className="num">
                  <Price amount={o.total} currencyCode={o.currency_code} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
