import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { Price } from "~/components/Price"
import { getOrder } from "~/lib/data/orders.server"

export const meta: MetaFunction = () => [
  { title: "Order confirmed — CuratorAI" },
]

export async function loader({ params }: LoaderFunctionArgs) {
  const order = await getOrder(params.id ?? "")
  if (!order) throw new Response("Not found", { status: 404 })
  return {
    order: {
      display_id: order.display_id,
      email: order.email,
      currency_code: order.currency_code,
      total: order.total,
      items: (order.items ?? []).map((i) => ({
        id: i.id,
        title: i.product_title ?? i.title,
        size: i.variant_title,
        quantity: i.quantity,
        total:
          typeof i.total === "number" ? i.total : i.unit_price * i.quantity,
      })),
    },
  }
}

export default function OrderConfirmed() {
  const { order } = useLoaderData<typeof loader>()
  return (
    <div className="order-confirmed">
      <h1>Thank you for your order</h1>
      <p data-testid="order-number">
        Order <strong>#{order.display_id}</strong>
        {order.email ? ` — a confirmation goes to ${order.email}` : ""}
      </p>
      <ul className="summary-list">
        {order.items.map((i) => (
          <li key={i.id}>
            <span>
              {i.quantity} × {i.title} ({i.size})
            </span>
            <Price amount={i.total} currencyCode={order.currency_code} />
          </li>
        ))}
        <li>
          <strong>Total</strong>
          <strong>
            <Price amount={order.total} currencyCode={order.currency_code} />
          </strong>
        </li>
      </ul>
      <p>
        <Link to="/store" className="button">
          Continue shopping
        </Link>
      </p>
    </div>
  )
}
